// Synthesizes the app as `cdk synth` does (cdk.json's context, cdk-nag on) with the given context keys, in a temp
// folder, and returns the templates and every cdk-nag finding that was not acknowledged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addNianbaoStacks, type NianbaoStacks } from '../../infra/nianbao-app';

interface CdkJson {
  readonly context: Record<string, unknown>;
}
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as CdkJson;

export interface NagFinding {
  readonly rule: string;
  readonly path: string;
}

export interface Synthesized extends NianbaoStacks {
  readonly template: Template;
  readonly edgeWafTemplate: Template | undefined;
  readonly findings: readonly NagFinding[];
}

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly violations: readonly {
      readonly ruleName: string;
      readonly violatingConstructs: readonly { readonly constructPath: string }[];
    }[];
  }[];
}

export interface SynthOptions {
  /** Context as `-c key=value` gives it: strings. */
  readonly context?: Record<string, string>;
  /** The CLI's default region (AWS_REGION); undefined for an environment-agnostic stack. */
  readonly region?: string;
  /** aws-cdk-lib's own CloudFormation validation (resource types per region, schema): seconds per synth. */
  readonly cloudFormationValidation?: boolean;
}

export function synthNianbao({
  context = {},
  region,
  cloudFormationValidation = false,
}: SynthOptions = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'nianbao-cdk-'));
  try {
    const app = new App({
      outdir,
      builtinCloudFormationValidation: cloudFormationValidation,
      context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
    });
    const stacks = addNianbaoStacks(app, { CDK_DEFAULT_REGION: region, CDK_DEFAULT_ACCOUNT: '111122223333' });
    try {
      app.synth();
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('Validation failed'))) throw error;
    }
    // From the files synth wrote: Template.fromStack would synthesize again (and throw on the same findings).
    const templateOf = (stack: Stack) =>
      Template.fromJSON(JSON.parse(readFileSync(join(outdir, stack.templateFile), 'utf8')) as Record<string, unknown>);
    return {
      ...stacks,
      template: templateOf(stacks.archive),
      edgeWafTemplate: stacks.edgeWaf && templateOf(stacks.edgeWaf),
      findings: readFindings(join(outdir, 'validation-report.json')),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The report is written on every synth with a validation plugin: a missing one means cdk-nag did not run. */
function readFindings(reportFile: string): NagFinding[] {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map((construct) => ({ rule: violation.ruleName, path: construct.constructPath })),
    ),
  );
}
