// Whose statistics (or report) a command means, as typed on the command line or sent by a form: text, checked with
// the same rules as the documents, each bad value a finding naming its flag.
import { isTemplateId } from '../core/format/templates';
import { agencyCodeFinding, isAgencyCode, reportYearFinding, reportYearFromText } from '../core/identifiers';
import { fail, ok, type Result } from '../core/result';
import { templateExpected } from '../core/statistics/template-for-year';
import { structureFinding } from '../core/structure-findings';
import type { ValidationFinding } from '../core/validation-finding';
import type { RecordIdentity } from './statistics-csv';

/** As typed on the command line (or sent by a form): text, checked here. */
export interface IdentityFlags {
  readonly agency?: string | undefined;
  readonly year?: string | undefined;
  readonly template?: string | undefined;
}

/** Checks the flags naming whose statistics a file holds; each bad one is a finding naming the flag. */
export function identityFromFlags(flags: IdentityFlags): Result<RecordIdentity, ValidationFinding[]> {
  const findings: ValidationFinding[] = [];
  const year = flags.year === undefined ? undefined : reportYearFromText(flags.year);
  if (flags.agency !== undefined && !isAgencyCode(flags.agency)) {
    findings.push(agencyCodeFinding('--agency', flags.agency));
  }
  if (flags.year !== undefined && year === undefined) findings.push(reportYearFinding('--year', flags.year));
  if (flags.template !== undefined && !isTemplateId(flags.template)) {
    findings.push(structureFinding('--template', templateExpected(), flags.template));
  }
  if (findings.length > 0) return fail(findings);
  return ok({
    ...(flags.agency === undefined ? {} : { agency: flags.agency }),
    ...(year === undefined ? {} : { year }),
    ...(isTemplateId(flags.template) ? { template: flags.template } : {}),
  });
}
