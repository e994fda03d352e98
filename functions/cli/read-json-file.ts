// Reads a JSON file for a command; an unreadable file is a one-line message, never a stack trace.
import { open } from 'node:fs/promises';
import { reportLimits } from '../core/report/limits';
import { fail, ok, type Result } from '../core/result';
import { decodeText } from '../core/text-encoding';
import { exitCodes } from './exit-codes';

/** Why a file was not read: one line, and the exit code it calls for. */
export interface JsonFileRefusal {
  readonly message: string;
  readonly exitCode: typeof exitCodes.invalid | typeof exitCodes.unreadable;
}

const unreadable = (message: string): Result<never, JsonFileRefusal> =>
  fail({ message, exitCode: exitCodes.unreadable });

/** Reads the bytes, refusing a file larger than the limit before reading it all. */
async function readBytes(path: string, maxBytes: number): Promise<Result<Uint8Array, JsonFileRefusal>> {
  const tooLarge = (size: number) =>
    fail({
      message: `${path}: the document is ${size} bytes, more than the limit of ${maxBytes}`,
      exitCode: exitCodes.invalid,
    });
  try {
    const file = await open(path);
    try {
      const { size } = await file.stat();
      if (size > maxBytes) return tooLarge(size);
      // A pipe or device states no size: the length read is checked too.
      const bytes = await file.readFile();
      return bytes.length > maxBytes ? tooLarge(bytes.length) : ok(bytes);
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(
      `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`,
    );
  }
}

/** A report document or a statistics record: UTF-8 JSON of at most `reportLimits.documentBytes`. */
export async function readJsonFile(path: string): Promise<Result<unknown, JsonFileRefusal>> {
  const bytes = await readBytes(path, reportLimits.documentBytes);
  if (!bytes.ok) return bytes;
  const decoded = decodeText(bytes.value);
  if (!decoded.ok) return unreadable(`${path}: ${decoded.error}`);
  const { text } = decoded.value;
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    // V8 says "… at position N"; editors want a line and column.
    const position = /position (\d+)/.exec(String(error))?.[1];
    if (position === undefined) return unreadable(`${path}: not valid JSON (${(error as Error).message})`);
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    return unreadable(`${path}:${line}:${column}: not valid JSON (${reason})`);
  }
}
