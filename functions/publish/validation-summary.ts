// What the archive says about validation: counts, and the warnings that were published anyway (errors never are).
import type { ValidationFinding, ValidationReport } from '../core/validation-finding';

export interface ValidationSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly skipped: readonly string[];
  readonly findings: readonly Pick<ValidationFinding, 'rule' | 'severity' | 'cells' | 'location' | 'message'>[];
}

export function summarizeValidation(report: ValidationReport): ValidationSummary {
  return {
    errors: report.errors,
    warnings: report.warnings,
    skipped: report.skipped.map((s) => s.rule),
    findings: report.findings.map(({ rule, severity, cells, location, message }) => ({
      rule,
      severity,
      cells,
      ...(location ? { location } : {}),
      message,
    })),
  };
}
