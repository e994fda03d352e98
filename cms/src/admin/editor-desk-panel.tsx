// The editor's desk: a side panel on the annual report's edit view. It shows where the report's last approval is
// (latest-run.tsx), the saved draft's findings with where and what to do (warnings acknowledged here by the 审核人,
// finding-item.tsx), the statistics upload and the stored tables (statistics-tables.tsx), the cells a narrative may
// cite (cell-references.tsx) and the version history; Strapi's own preview button opens the signed preview
// (preview-link.ts). It reads and acts through the CMS's /nianbao admin routes (cms/src/nianbao/editor-desk.ts); the
// server decides who may do what.
import { useCallback, useEffect, useState, type ChangeEvent, type ReactNode } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { CellReferences } from './cell-references';
import { reportUid, type CheckAnswer, type Run, type RunsAnswer, type UploadAnswer } from './desk-answers';
import { Acknowledge, FindingItem } from './finding-item';
import { finalPhases, LatestRun, when } from './latest-run';
import { StatisticsTables } from './statistics-tables';

function messageOf(error: unknown): string {
  if (isFetchError(error)) {
    const data = error.response?.data as { error?: { message?: string } } | undefined;
    return data?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Box data-nianbao={testId} paddingTop={3} paddingBottom={3} width="100%">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {title}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {children}
      </Flex>
    </Box>
  );
}

async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function Desk({ documentId, version }: { documentId: string; version: string }) {
  const { get, post } = useFetchClient();
  const [runs, setRuns] = useState<RunsAnswer>();
  const [checked, setChecked] = useState<CheckAnswer>();
  const [problem, setProblem] = useState('');
  const [upload, setUpload] = useState<UploadAnswer>();
  const base = `/nianbao/reports/${encodeURIComponent(documentId)}`;

  const loadRuns = useCallback(async () => {
    try {
      setRuns((await get<RunsAnswer>(`${base}/runs`)).data);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, [base, get]);
  const loadCheck = useCallback(async () => {
    try {
      setChecked((await get<CheckAnswer>(`${base}/check`)).data);
      setProblem('');
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, [base, get]);

  // Again whenever the entry is saved or published (its version changes).
  useEffect(() => {
    void loadRuns();
    void loadCheck();
  }, [loadRuns, loadCheck, version]);

  const latest = runs?.runs[0];
  const canRetry = runs?.may.retry ?? false;
  const running = latest !== undefined && !finalPhases.has(latest.phase);
  useEffect(() => {
    const timer = setInterval(() => void loadRuns(), running ? 1500 : 10_000);
    return () => clearInterval(timer);
  }, [loadRuns, running]);

  const onUpload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const { data } = await post<UploadAnswer>(`${base}/statistics`, {
        fileName: file.name,
        content: await fileAsBase64(file),
      });
      setUpload(data);
    } catch (error) {
      const refused = isFetchError(error) ? (error.response?.data as unknown as UploadAnswer | undefined) : undefined;
      if (refused && !refused.stored) setUpload(refused);
      else setProblem(messageOf(error));
    }
    await loadCheck();
  };

  const acknowledge = async (key: string, reason: string) => {
    try {
      await post(`${base}/acknowledgements`, { key, reason });
    } catch (error) {
      setProblem(messageOf(error));
    }
    await loadCheck();
  };

  const retry = async (run: Run) => {
    try {
      await post(`/nianbao/runs/${encodeURIComponent(run.documentId)}/retry`, {});
    } catch (error) {
      setProblem(messageOf(error));
    }
    await loadRuns();
  };

  const acknowledged = new Map((checked?.acknowledgements ?? []).map((a) => [a.key, a]));
  const check = checked?.check;
  const published = (runs?.runs ?? []).filter((r) => r.phase === 'published' && r.version);

  return (
    <Flex direction="column" alignItems="stretch" width="100%" data-nianbao="desk">
      {problem ? (
        <Typography variant="pi" textColor="danger600" data-nianbao="problem">
          {problem}
        </Typography>
      ) : null}
      <Section title="发布进度" testId="progress">
        {latest ? (
          <LatestRun run={latest} canRetry={canRetry} onRetry={() => retry(latest)} />
        ) : (
          <Typography variant="pi">尚未提交发布。审核人点“发布”即审核通过。</Typography>
        )}
      </Section>
      <Section title="年报检查（按已保存的草稿）" testId="check">
        {checked?.problems.map((p) => (
          <Typography key={p} variant="pi" textColor="danger600">
            {p}
          </Typography>
        ))}
        {check?.reasonZh ? <Typography variant="pi">{check.reasonZh}</Typography> : null}
        {check ? (
          <Typography variant="omega" data-nianbao="check-summary">
            {check.errors} 个错误，{check.warnings} 个警告
            {check.errors > 0 ? '：有错误的年报不能发布。' : ''}
          </Typography>
        ) : null}
        {check?.findings.map((f) => {
          const done = f.key ? acknowledged.get(f.key) : undefined;
          return (
            <FindingItem key={`${f.key ?? ''}${f.message.zh}`} finding={f}>
              {f.severity === 'warning' && done ? (
                <Typography variant="pi" tag="p" data-nianbao="acknowledged">
                  已确认（{done.by}）：{done.reason}
                </Typography>
              ) : null}
              {f.severity === 'warning' && !done && runs?.may.acknowledge && f.key ? (
                <Acknowledge onAcknowledge={(reason) => acknowledge(f.key!, reason)} />
              ) : null}
            </FindingItem>
          );
        })}
        <Button size="S" variant="tertiary" onClick={() => void loadCheck()}>
          重新检查
        </Button>
      </Section>
      <Section title="统计数据" testId="statistics">
        {runs?.may.upload ? (
          <>
            <Typography variant="pi">
              上传 nianbao stats export 导出的 CSV（UTF-8 或 Excel 另存的 GBK 均可）；有任何错误都不会保存。
            </Typography>
            <input
              data-nianbao="statistics-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void onUpload(e)}
            />
          </>
        ) : null}
        {upload?.stored ? (
          <Typography variant="pi" data-nianbao="upload-stored">
            已保存 {upload.agency} {upload.year} 年度的统计数据。
          </Typography>
        ) : null}
        {upload && !upload.stored ? (
          <Flex direction="column" alignItems="stretch" gap={1} data-nianbao="upload-refused">
            <Typography variant="pi" textColor="danger600">
              {upload.reason}
            </Typography>
            {upload.findings.map((f, i) => (
              <FindingItem key={i} finding={f} />
            ))}
          </Flex>
        ) : null}
        {check && check.cells.some((c) => c.value !== null) ? (
          <StatisticsTables cells={check.cells} findings={check.findings} />
        ) : null}
      </Section>
      <Section title="单元格引用" testId="cells">
        <Typography variant="pi">正文里写 {'{{编号}}'}，发布时换成表中的数字，不必手抄。</Typography>
        {check ? <CellReferences cells={check.cells} canEdit={runs?.may.upload ?? false} /> : null}
      </Section>
      <Section title="版本历史" testId="versions">
        {published.length === 0 ? <Typography variant="pi">尚无已发布的版本。</Typography> : null}
        {published.map((r) => (
          <Box key={r.runId} data-nianbao-version={r.version}>
            <Typography variant="omega" fontWeight="bold">
              第 {r.version} 版 · {when(r.finishedAt)}
            </Typography>
            {r.changeNote ? (
              <Typography variant="pi" tag="p">
                更正说明：{r.changeNote}
              </Typography>
            ) : null}
            <Flex gap={2}>
              {r.htmlUrl ? (
                <a href={r.htmlUrl} target="_blank" rel="noreferrer">
                  网页版
                </a>
              ) : null}
              {r.pdfUrl ? (
                <a href={r.pdfUrl} target="_blank" rel="noreferrer">
                  PDF
                </a>
              ) : null}
            </Flex>
          </Box>
        ))}
      </Section>
    </Flex>
  );
}

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string; publishedAt?: string | null } | null;
}

export function EditorDeskPanel({ model, documentId, document }: PanelProps) {
  if (model !== reportUid) return null;
  return {
    title: '年报工作台',
    content: documentId ? (
      <Desk documentId={documentId} version={`${document?.updatedAt ?? ''}|${document?.publishedAt ?? ''}`} />
    ) : (
      <Typography variant="pi">保存草稿后，这里显示检查结果、统计数据、单元格引用和发布进度。</Typography>
    ),
  };
}
