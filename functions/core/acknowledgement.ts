// An approver's acknowledgement of a warning: published over, with a reason. A warning is known by where it is (its
// rule, its place in the document, its cells), not by its wording or numbers, so the same finding found again by a
// re-check keeps its acknowledgement, and a finding somewhere else needs its own.
import type { ValidationFinding } from './validation-finding';

export interface Acknowledgement {
  /** findingKey() of the warning acknowledged. */
  readonly key: string;
  readonly reason: string;
  /** Who acknowledged it (the approver's name as the CMS shows it). */
  readonly by: string;
  /** ISO 8601. */
  readonly at: string;
}

/** A reason is short: a sentence an approver writes, not a document. */
export const acknowledgementLimits = { reasonChars: 500, keyChars: 2000, byChars: 200, perRun: 200 } as const;

export function findingKey(finding: Pick<ValidationFinding, 'rule' | 'location' | 'cells'>): string {
  return [finding.rule, finding.location ?? '', finding.cells.join(',')].join('|');
}
