// The state between the steps, typed per stage: what one step returns is what the next takes, and every field is
// there. Plain JSON, a few KB: large artifacts are staged (staged-artifacts.ts) and the state carries their keys.
import type { SiteAsset } from '../publish/site-assets';
import type { PublishOutcome } from '../publish/publish-version';
import type { ValidationSummary } from '../publish/validation-summary';
import type { Run } from './run';

export interface Requested {
  readonly run: Run;
  /** A CMS run's approved narrative, staged when it was handed over (hand-over.ts); a CLI run has none. */
  readonly staged?: { readonly narrative: string };
}

export interface Assembled {
  readonly run: Run;
  /** Staging keys of the run's artifacts. */
  readonly staged: { readonly report: string };
}

export interface Validated extends Assembled {
  /** Counts and the warnings published with the report (a report with errors never gets here). */
  readonly validation: ValidationSummary;
}

export interface Rendered extends Validated {
  readonly staged: { readonly report: string; readonly html: string; readonly pdf: string };
  /** Site files the HTML refers to (fonts), by their archive keys. */
  readonly assets: readonly SiteAsset[];
}

export interface Published extends Rendered {
  readonly publication: PublishOutcome;
}

export interface Listed extends Published {
  /** Archive key of the report's version index page, which now lists the publication. */
  readonly publicView: { readonly index: string };
}

export interface Stages {
  readonly requested: Requested;
  readonly assembled: Assembled;
  readonly validated: Validated;
  readonly rendered: Rendered;
  readonly published: Published;
  readonly listed: Listed;
}

export type StageName = keyof Stages;
