// A finding as the desk shows it: rule, error or warning, where the editor finds it (the printed place, else the
// field's label), the message and what to do; a warning's acknowledgement form for the 审核人.
import { useState, type ReactNode } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { fieldLabels, type Finding } from './desk-answers';

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

export function FindingItem({ finding, children }: { finding: Finding; children?: ReactNode }) {
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

export function Acknowledge({ onAcknowledge }: { onAcknowledge: (reason: string) => Promise<void> }) {
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
