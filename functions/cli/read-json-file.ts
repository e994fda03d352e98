// Reads a JSON file for a command; an unreadable file is a one-line message, never a stack trace.
import { readFile } from 'node:fs/promises';
import { fail, ok, type Result } from '../core/result';

export async function readJsonFile(path: string): Promise<Result<unknown, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? String(error)})`);
  }
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    // V8 says "… at position N"; editors want a line and column.
    const position = /position (\d+)/.exec(String(error))?.[1];
    if (position === undefined) return fail(`${path}: not valid JSON (${(error as Error).message})`);
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    return fail(`${path}:${line}:${column}: not valid JSON (${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')})`);
  }
}
