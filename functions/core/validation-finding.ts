// A finding is a value, not an exception: what rule, how bad, where, expected vs actual, in Chinese and English.

export type RuleId = 'S1' | 'S2' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11' | 'F1';
export type Severity = 'error' | 'warning';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export interface ValidationFinding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Cell ids the finding concerns, e.g. applications.resultsTotal.naturalPerson. */
  readonly cells: readonly string[];
  /** A document path outside the tables, e.g. narrative.overview[1].body or issuedOn. */
  readonly location?: string;
  /** 1-based line inside a narrative body. */
  readonly line?: number;
  /** Where an editor finds it on the page, e.g. 一、总体情况（二）依申请公开情况 第 2 段, or 三（七）总计 · 自然人. */
  readonly place?: string;
  /** A short excerpt of the narrative around the claim. */
  readonly excerpt?: string;
  readonly expected?: number | string | null;
  readonly actual?: number | string | null;
  readonly message: Message;
}

/** A rule that could not run, e.g. a cross-year rule without last year's report. */
export interface SkippedRule {
  readonly rule: RuleId;
  readonly reason: Message;
}

export interface ValidationReport {
  readonly findings: readonly ValidationFinding[];
  readonly skipped: readonly SkippedRule[];
  readonly errors: number;
  readonly warnings: number;
}

export function summarize(
  findings: readonly ValidationFinding[],
  skipped: readonly SkippedRule[] = [],
): ValidationReport {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, skipped, errors, warnings: findings.length - errors };
}
