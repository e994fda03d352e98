// The state machine definition as synthesized: the template's Fn::Join of strings and tokens, with each token
// (a Ref or Fn::GetAtt of a resource) replaced by what `resolve` makes of its logical id.
import type { Template } from 'aws-cdk-lib/assertions';

type Token = { 'Fn::GetAtt'?: [string, string]; Ref?: string };

export interface AslState {
  readonly Type: string;
  readonly Next?: string;
  readonly Default?: string;
  readonly End?: boolean;
  readonly Resource?: string;
  readonly Choices?: readonly { readonly Next: string }[];
  readonly Catch?: readonly { readonly ErrorEquals: readonly string[]; readonly Next: string }[];
  readonly Retry?: readonly { readonly ErrorEquals: readonly string[]; readonly JitterStrategy?: string }[];
}

export interface AslDefinition {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslState>>;
}

/** The definition of the state machine whose logical id starts with `idPrefix`. */
export function synthesizedDefinition(
  template: Template,
  idPrefix: string,
  resolve: (token: Token) => string = (token) => token.Ref ?? token['Fn::GetAtt']?.[0] ?? '?',
): AslDefinition {
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const [, machine] = Object.entries(machines).find(([id]) => id.startsWith(idPrefix)) ?? [];
  if (!machine) throw new Error(`no state machine ${idPrefix}* in the template`);
  const body = (machine as { Properties: { DefinitionString: { 'Fn::Join': [string, (string | Token)[]] } } })
    .Properties.DefinitionString['Fn::Join'][1];
  return JSON.parse(body.map((part) => (typeof part === 'string' ? part : resolve(part))).join('')) as AslDefinition;
}

/** The Task states a run goes through when every step passes, in order: StartAt, then each Task's Next/Default. */
export function happyPathTasks(definition: AslDefinition): string[] {
  const tasks: string[] = [];
  const seen = new Set<string>();
  for (let name: string | undefined = definition.StartAt; name && !seen.has(name);) {
    seen.add(name);
    const state: AslState | undefined = definition.States[name];
    if (!state) break;
    if (state.Type === 'Task') tasks.push(name);
    name = state.Type === 'Choice' ? state.Default : state.Next;
  }
  return tasks;
}
