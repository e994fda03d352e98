// Runs bin/nianbao.js in a child process, as a user would: the exit code and what it printed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const bin = new URL('../../bin/nianbao.js', import.meta.url).pathname;

export async function nianbao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
