// What the source of a run hears: progress per step, then exactly one final outcome.
import type { ValidationFinding } from '../core/validation-finding';
import type { Run } from './run';

export type StepName = 'assemble' | 'validate' | 'render' | 'publish' | 'updatePublicView';

/** What a run is doing while a step runs, as the CMS shows it. */
export type RunStatus = 'assembling' | 'validating' | 'rendering' | 'publishing' | 'updating-public-view';

export type RunOutcome =
  | {
      readonly kind: 'published';
      readonly version: number;
      /** True when these inputs were already published: no new version was made. */
      readonly reused: boolean;
      /** Archive keys (the CDN serves them at the same paths). */
      readonly keys: { readonly html: string; readonly pdf: string; readonly index: string };
    }
  | {
      readonly kind: 'rejected';
      readonly step: StepName;
      readonly reason: string;
      readonly findings: readonly ValidationFinding[];
    }
  /** `run`: before or after the steps (the run id, its outcome record). */
  | { readonly kind: 'failed'; readonly step: StepName | 'run'; readonly reason: string };

export interface RunOutcomeReporter {
  /** Advisory: a run goes on when it cannot be told. */
  progress(run: Run, status: RunStatus): Promise<void>;
  /** Called once per run with its final outcome. */
  outcome(run: Run, outcome: RunOutcome): Promise<void>;
}
