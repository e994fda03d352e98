// Lambda's file system as far as a test can imitate it: the function's code and its layer in read-only folders,
// a writable folder for /tmp (HOME and TMPDIR), and, when the tests run as root (who may write anywhere), the
// function run as `nobody` so read-only means read-only.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleFile } from '../../infra/function-bundles';

const nobody = 65534;
export const sandboxUser = process.getuid?.() === 0 ? { uid: nobody, gid: nobody } : {};

function makeReadOnly(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) makeReadOnly(path);
    else chmodSync(path, 0o444);
  }
  chmodSync(dir, 0o555);
}

export interface LambdaSandbox {
  /** /var/task */
  readonly code: string;
  /** /opt (layers) */
  readonly opt: string;
  /** /tmp */
  readonly tmp: string;
  /** The variables Lambda sets that our code or its libraries look at. */
  readonly env: Record<string, string>;
}

/** Copies a bundle and its layers (unpacked into one /opt, as Lambda does) into read-only folders under `root`. */
export function lambdaSandbox(root: string, bundle: string, ...layers: string[]): LambdaSandbox {
  const code = join(root, 'task');
  const opt = join(root, 'opt');
  const tmp = join(root, 'tmp');
  cpSync(bundle, code, { recursive: true });
  mkdirSync(opt, { recursive: true });
  for (const layer of layers) cpSync(layer, opt, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  chmodSync(root, 0o755);
  chmodSync(tmp, 0o777);
  makeReadOnly(code);
  makeReadOnly(opt);
  return {
    code,
    opt,
    tmp,
    env: {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: tmp,
      TMPDIR: tmp,
      LANG: 'C.UTF-8',
      NODE_PATH: join(opt, 'nodejs', 'node_modules'),
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_LAMBDA_FUNCTION_NAME: 'nianbao-test',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '2048',
      LAMBDA_TASK_ROOT: code,
    },
  };
}

/**
 * Calls the sandbox's handler with `event` as Lambda's runtime does (imports the bundle, awaits the handler) in a plain
 * Node process started outside the code folder: the handler's result, and the other lines it wrote (its logs).
 */
export async function invokeInSandbox(
  sandbox: LambdaSandbox,
  event: unknown,
  env: Record<string, string>,
  timeout: number,
): Promise<{ result: unknown; logs: string[] }> {
  const script = join(sandbox.tmp, 'invoke.mjs');
  await writeFile(
    script,
    `const { handler } = await import(${JSON.stringify(join(sandbox.code, bundleFile))});\n` +
      `const result = await handler(JSON.parse(process.argv[2]));\n` +
      `process.stdout.write('\\nRESULT ' + JSON.stringify(result) + '\\n');\nprocess.exit(0);\n`,
  );
  const { stdout } = await promisify(execFile)(process.execPath, [script, JSON.stringify(event)], {
    ...sandboxUser,
    cwd: sandbox.code,
    env: { ...sandbox.env, AWS_REGION: 'cn-north-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    maxBuffer: 16 * 1024 * 1024,
    timeout,
  });
  const lines = stdout.split('\n').filter(Boolean);
  const resultLine = lines.find((l) => l.startsWith('RESULT '));
  if (!resultLine) throw new Error(`no result from the bundled handler:\n${stdout}`);
  return {
    result: JSON.parse(resultLine.slice('RESULT '.length)) as unknown,
    logs: lines.filter((l) => l !== resultLine),
  };
}
