// What the archive says about validation: counts, and the warnings that were published anyway (errors never are),
// each with the approver's acknowledgement when there was one.
import { findingKey, type Acknowledgement } from '../core/acknowledgement';
import type { ValidationFinding, ValidationReport } from '../core/validation-finding';

export interface ValidationSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly skipped: readonly string[];
  readonly findings: readonly (Pick<ValidationFinding, 'rule' | 'severity' | 'cells' | 'location' | 'message'> & {
    readonly acknowledged?: Omit<Acknowledgement, 'key'>;
  })[];
}

export function summarizeValidation(
  report: ValidationReport,
  acknowledgements: readonly Acknowledgement[] = [],
): ValidationSummary {
  const byKey = new Map(acknowledgements.map(({ key, ...rest }) => [key, rest]));
  return {
    errors: report.errors,
    warnings: report.warnings,
    skipped: report.skipped.map((s) => s.rule),
    findings: report.findings.map(({ rule, severity, cells, location, message }) => {
      const acknowledged = severity === 'warning' ? byKey.get(findingKey({ rule, cells, location })) : undefined;
      return {
        rule,
        severity,
        cells,
        ...(location ? { location } : {}),
        message,
        ...(acknowledged ? { acknowledged } : {}),
      };
    }),
  };
}
