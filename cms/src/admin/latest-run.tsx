// The last run of a report: its phase in words, a published version's links, a rejected run's findings, a failed
// run's step and reason with the retry.
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import type { Run } from './desk-answers';
import { FindingItem } from './finding-item';

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
export const finalPhases = new Set(['published', 'rejected', 'failed']);

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

export const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '';

/** Where an editor finds it: the printed place (section and paragraph, or row and column), else the field or cells. */

export function LatestRun({ run, canRetry, onRetry }: { run: Run; canRetry: boolean; onRetry: () => Promise<void> }) {
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
