// What flows between the steps: the request, then whatever each step added. Failures are values.
import type { ReportDocument } from '../core/report/report-document';
import type { ValidationFinding, ValidationReport } from '../core/validation-finding';
import type { PublishOutcome } from '../publish/publish-version';
import type { RenderedReport } from './pipeline-ports';

export interface PublishRequestInput {
  readonly agency: string;
  readonly year: number;
  /** 更正说明 for a version that replaces an earlier one. */
  readonly changeNote?: string;
  readonly approver?: string;
}

export interface PipelineState {
  readonly request: PublishRequestInput;
  readonly report?: ReportDocument;
  readonly previous?: ReportDocument;
  readonly validation?: ValidationReport;
  readonly rendered?: RenderedReport;
  readonly publication?: PublishOutcome;
}

export type StepName = 'assemble' | 'validate' | 'render' | 'publish' | 'notify';

export interface PipelineFailure {
  readonly step: StepName;
  readonly reason: 'missing-narrative' | 'missing-statistics' | 'invalid';
  readonly message: string;
  readonly findings: readonly ValidationFinding[];
}
