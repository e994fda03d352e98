// The editor's desk: a side panel on the annual report's edit view. It shows where the report's last approval is
// (queued, validating, rendering, published with its links, rejected with its findings, failed with a retry), the
// saved draft's findings with where and what to do (warnings acknowledged here by the 审核人), the statistics upload,
// the cells a narrative may cite with an insert button, and the version history (the preview is Strapi's own button,
// which opens the signed preview link: preview-link.ts). It reads and acts
// through the CMS's /nianbao admin routes (cms/src/nianbao/editor-desk.ts); the server decides who may do what.
import { useCallback, useEffect, useState, type ChangeEvent, type ReactNode } from 'react';
import { Badge, Box, Button, Flex, TextButton, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useForm } from '@strapi/strapi/admin';
import reportFormat from '../nianbao/report-format.json';

const reportUid = 'api::annual-report.annual-report';

interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  cells: string[];
  location?: string;
  line?: number;
  place?: string;
  message: { zh: string };
  key?: string;
  advice?: string;
}

interface Cell {
  id: string;
  place: string;
  value: number | string | null;
}

interface Acknowledgement {
  key: string;
  reason: string;
  by: string;
  at: string;
}

interface CheckAnswer {
  problems: string[];
  acknowledgements: Acknowledgement[];
  check: { errors: number; warnings: number; findings: Finding[]; reasonZh?: string; cells: Cell[] } | null;
}

interface Run {
  documentId: string;
  runId: string;
  phase: string;
  requestedBy?: string | null;
  changeNote?: string | null;
  version?: number | null;
  htmlUrl?: string | null;
  pdfUrl?: string | null;
  indexUrl?: string | null;
  reason?: string | null;
  findings?: Finding[] | null;
  handOverError?: string | null;
  handOverAttempts?: number | null;
  finishedAt?: string | null;
  createdAt: string;
}

interface RunsAnswer {
  runs: Run[];
  may: { upload: boolean; acknowledge: boolean; retry: boolean };
}

type UploadAnswer =
  { stored: true; agency: string; year: number } | { stored: false; reason: string; findings: Finding[] };

const phaseNames: Record<string, string> = {
  requested: '已提交，排队中',
  assembling: '正在汇编',
  validating: '正在校验',
  rendering: '正在生成 HTML 和 PDF',
  publishing: '正在发布',
  'updating-public-view': '正在更新公开页面',
  published: '已发布',
  rejected: '未通过校验，未发布',
  failed: '发布失败',
};
const finalPhases = new Set(['published', 'rejected', 'failed']);

/** The pipeline's steps as the office names them (a failed run's reason starts with its step). */
const stepNames: Record<string, string> = {
  assemble: '汇编',
  validate: '校验',
  render: '生成 HTML 和 PDF',
  publish: '发布',
  updatePublicView: '更新公开页面',
  run: '流水线',
};

/** "render: …" → which step failed, in words, and the technical reason for whoever looks into it. */
function failureText(reason: string): string {
  const match = /^(\w+): ([\s\S]*)$/.exec(reason);
  const step = match ? stepNames[match[1]] : undefined;
  const detail = step && match ? match[2] : reason;
  return `${step ? `在“${step}”一步出错，报告没有发布。` : '报告没有发布。'}可以重试；再次失败请把技术原因告诉管理员：${detail}`;
}

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

/** Where an editor finds it: the printed place (section and paragraph, or row and column), else the field or cells. */
const fieldLabels = reportFormat.labels[reportUid] as Record<string, string>;

/** A document path as the form names it: narrative.problems → 五、存在的主要问题及改进情况. */
function fieldOf(location: string): string {
  const overview = /^narrative\.overview\[(\d+)\]/.exec(location);
  if (overview) return `一、总体情况（第 ${Number(overview[1]) + 1} 节）`;
  return fieldLabels[location.replace(/^narrative\./, '')] ?? location;
}

const whereOf = (f: Finding) =>
  [f.place ?? (f.location ? fieldOf(f.location) : f.cells.join('、')), f.line === undefined ? '' : `第 ${f.line} 行`]
    .filter(Boolean)
    .join(' ');

/** The body of an admin route's refusal, or the error's own message. */
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

function FindingItem({ finding, children }: { finding: Finding; children?: ReactNode }) {
  return (
    <Box
      data-nianbao-finding={finding.rule}
      padding={2}
      hasRadius
      background={finding.severity === 'error' ? 'danger100' : 'warning100'}
    >
      <Typography variant="omega" fontWeight="bold">
        [{finding.rule}] {finding.severity === 'error' ? '错误' : '警告'} · {whereOf(finding)}
      </Typography>
      <Typography variant="omega" tag="p">
        {finding.message.zh}
      </Typography>
      {finding.advice ? (
        <Typography variant="pi" textColor="neutral700" tag="p">
          怎么改：{finding.advice}
        </Typography>
      ) : null}
      {children}
    </Box>
  );
}

function Acknowledge({ onAcknowledge }: { onAcknowledge: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
      <textarea
        data-nianbao="acknowledge-reason"
        aria-label="确认理由"
        placeholder="确认理由（审核人填写，随发布记录公开）"
        maxLength={500}
        rows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <Button
        data-nianbao="acknowledge"
        size="S"
        variant="secondary"
        disabled={busy || reason.trim() === ''}
        onClick={() => {
          setBusy(true);
          void onAcknowledge(reason.trim()).finally(() => setBusy(false));
        }}
      >
        确认此警告
      </Button>
    </Flex>
  );
}

/** The richtext fields a reference can go into, as the form names them (overview sections by index). */
function citableFields(values: Record<string, unknown>): { path: string; label: string }[] {
  return Object.entries(reportFormat.narrativeFields).flatMap(([field, kind]) => {
    if (kind === 'body') return [{ path: field, label: fieldLabels[field] ?? field }];
    const sections = Array.isArray(values[field]) ? (values[field] as { heading?: string }[]) : [];
    return sections.map((section, index) => ({
      path: `${field}.${index}.body`,
      label: `一、总体情况（${index + 1}）${section.heading ?? ''}`,
    }));
  });
}

function readPath(values: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
}

function CellReferences({ cells, canEdit }: { cells: Cell[]; canEdit: boolean }) {
  const values = useForm('NianbaoCellReferences', (state) => state.values) as Record<string, unknown>;
  const onChange = useForm('NianbaoCellReferences', (state) => state.onChange);
  const fields = citableFields(values);
  const [target, setTarget] = useState(fields[0]?.path ?? '');
  const [filter, setFilter] = useState('');
  const [copied, setCopied] = useState('');
  // The first few, until the editor looks for one: a template has some 150 cells.
  const shown = filter
    ? cells.filter((c) => c.id.includes(filter) || c.place.includes(filter)).slice(0, 40)
    : cells.slice(0, 5);
  const insert = (cell: Cell) => {
    const current = readPath(values, target);
    const text = typeof current === 'string' ? current : '';
    // Appended where the editor will see it; 复制 puts it anywhere else.
    onChange(target, `${text}${text === '' || text.endsWith(' ') ? '' : ' '}{{${cell.id}}}`);
  };
  return (
    <>
      <input
        data-nianbao="cell-filter"
        aria-label="查找单元格"
        placeholder="查找：编号或表中位置，如 本年新收"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {canEdit ? (
        <label>
          <Typography variant="pi">插入到：</Typography>
          <select data-nianbao="cell-target" value={target} onChange={(event) => setTarget(event.target.value)}>
            {fields.map((f) => (
              <option key={f.path} value={f.path}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {shown.map((cell) => (
        <Box key={cell.id} data-nianbao-cell={cell.id} paddingBottom={1}>
          <Typography variant="pi" tag="p">
            {cell.place}：<strong>{cell.value ?? '—'}</strong>
          </Typography>
          <Flex gap={1} alignItems="center">
            <code style={{ fontSize: 11, overflowWrap: 'anywhere' }}>{`{{${cell.id}}}`}</code>
            {canEdit ? (
              <TextButton data-nianbao="insert" onClick={() => insert(cell)}>
                插入
              </TextButton>
            ) : null}
            <TextButton
              onClick={() => {
                void navigator.clipboard.writeText(`{{${cell.id}}}`).then(() => setCopied(cell.id));
              }}
            >
              {copied === cell.id ? '已复制' : '复制'}
            </TextButton>
          </Flex>
        </Box>
      ))}
      {cells.length > shown.length ? (
        <Typography variant="pi" textColor="neutral600">
          共 {cells.length} 个单元格，输入关键字查找其余的。
        </Typography>
      ) : null}
    </>
  );
}

async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function LatestRun({ run, canRetry, onRetry }: { run: Run; canRetry: boolean; onRetry: () => Promise<void> }) {
  const waiting = run.phase === 'requested' && run.handOverError;
  return (
    <Box data-nianbao="run" data-phase={run.phase}>
      <Badge>{phaseNames[run.phase] ?? run.phase}</Badge>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {run.requestedBy ? `${run.requestedBy} ` : ''}
        {when(run.createdAt)} 提交{run.finishedAt ? ` · ${when(run.finishedAt)} 完成` : ''}
      </Typography>
      {waiting ? (
        <Typography variant="pi" tag="p">
          正在交给流水线（已尝试 {run.handOverAttempts ?? 1} 次，会自动重试）：{run.handOverError}
        </Typography>
      ) : null}
      {run.phase === 'published' ? (
        <Flex direction="column" alignItems="start" gap={1} paddingTop={1}>
          <Typography variant="omega" fontWeight="bold">
            第 {run.version} 版
          </Typography>
          {run.reason ? <Typography variant="pi">{run.reason}</Typography> : null}
          <Flex gap={2}>
            {run.htmlUrl ? (
              <a data-nianbao="published-html" href={run.htmlUrl} target="_blank" rel="noreferrer">
                网页版
              </a>
            ) : null}
            {run.pdfUrl ? (
              <a data-nianbao="published-pdf" href={run.pdfUrl} target="_blank" rel="noreferrer">
                PDF
              </a>
            ) : null}
            {run.indexUrl ? (
              <a href={run.indexUrl} target="_blank" rel="noreferrer">
                全部版本
              </a>
            ) : null}
          </Flex>
        </Flex>
      ) : null}
      {run.phase === 'rejected' ? (
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
          <Typography variant="pi">{run.reason}</Typography>
          {(run.findings ?? []).map((f, i) => (
            <FindingItem key={i} finding={f} />
          ))}
        </Flex>
      ) : null}
      {run.phase === 'failed' ? (
        <Flex direction="column" alignItems="start" gap={1} paddingTop={1}>
          <Typography variant="pi" data-nianbao="failure-reason">
            {failureText(run.reason ?? '')}
          </Typography>
          {canRetry ? (
            <Button data-nianbao="retry" size="S" onClick={() => void onRetry()}>
              重试发布
            </Button>
          ) : (
            <Typography variant="pi">请审核人重试。</Typography>
          )}
        </Flex>
      ) : null}
    </Box>
  );
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
      {runs?.may.upload ? (
        <Section title="统计数据（CSV）" testId="statistics">
          <Typography variant="pi">
            上传 nianbao stats export 导出的 CSV（UTF-8 或 Excel 另存的 GBK 均可）；有任何错误都不会保存。
          </Typography>
          <input data-nianbao="statistics-file" type="file" accept=".csv,text/csv" onChange={(e) => void onUpload(e)} />
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
        </Section>
      ) : null}
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
