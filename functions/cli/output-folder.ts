// An output folder (`--out`) is replaced whole, never written in place: files go to a temporary folder beside
// it, renamed into place once complete, so a failure leaves the folder as it was (missing, or the previous output).
// Only paths checked first are created, one level, with mkdtemp: Node's recursive mkdir loops forever under /proc.
import type { Dirent } from 'node:fs';
import { chmod, lstat, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fail, ok, type Result } from '../core/result';
import { exitCodes } from './exit-codes';

export interface OutputFolderProblem {
  /** unreadable: this folder cannot be used (the user can fix it); failed: the machine (disk full, I/O). */
  readonly exitCode: typeof exitCodes.unreadable | typeof exitCodes.failed;
  /** One line: what, where and why. */
  readonly message: string;
}

/** What a command writes, by path inside the folder: only a folder holding nothing else may be replaced. */
export type IsOutput = (path: string, kind: 'file' | 'folder') => boolean;

export interface StagedFolder {
  /** The temporary folder to write into. */
  readonly path: string;
  /** Puts the written folder in place of the target; the previous output, if any, is removed. */
  commit(): Promise<Result<void, OutputFolderProblem>>;
  /** Removes the temporary folder (after a failure, or when not committed): the target stays as it was. */
  discard(): Promise<void>;
}

/** Why a file-system call failed, in words, by error code; the exit code says whose fault it is. */
const reasons: Readonly<Record<string, readonly [string, OutputFolderProblem['exitCode']]>> = {
  ENOENT: ['no such file or folder', exitCodes.unreadable],
  ENOTDIR: ['a part of the path is a file, not a folder', exitCodes.unreadable],
  EISDIR: ['is a folder', exitCodes.unreadable],
  EACCES: ['permission denied', exitCodes.unreadable],
  EPERM: ['operation not permitted', exitCodes.unreadable],
  EROFS: ['read-only file system', exitCodes.unreadable],
  ENAMETOOLONG: ['name too long', exitCodes.unreadable],
  ELOOP: ['too many symbolic links', exitCodes.unreadable],
  EXDEV: ['not on the same file system', exitCodes.unreadable],
  EEXIST: ['already exists', exitCodes.unreadable],
  ENOTEMPTY: ['was changed by someone else while writing', exitCodes.unreadable],
  ENOSPC: ['no space left on the device', exitCodes.failed],
  EDQUOT: ['disk quota exceeded', exitCodes.failed],
  EIO: ['input/output error', exitCodes.failed],
};

/** The one-line problem for a failed file-system call on `target`, doing `what` ("cannot create a folder in /x"). */
export function fileSystemProblem(target: string, what: string, error: unknown): OutputFolderProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const [reason, exitCode] = (code && reasons[code]) || [code ?? (error as Error).message, exitCodes.failed];
  return { exitCode, message: `cannot use --out ${target}: ${what} (${reason})` };
}

const notReplaceable = (target: string, why: string): OutputFolderProblem => ({
  exitCode: exitCodes.unreadable,
  message: `cannot use --out ${target}: ${why}; name a new or empty folder, or one this command wrote`,
});

/** Checks that `target` is missing, or a folder holding only output; returns whether it exists. */
async function checkTarget(target: string, isOutput: IsOutput): Promise<Result<boolean, OutputFolderProblem>> {
  let entry;
  try {
    entry = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(false);
    return fail(fileSystemProblem(target, 'cannot look at it', error));
  }
  if (entry.isSymbolicLink()) return fail(notReplaceable(target, 'it is a symbolic link'));
  if (!entry.isDirectory()) return fail(notReplaceable(target, 'it is a file, not a folder'));
  try {
    const stranger = await firstStranger(target, target, isOutput);
    return stranger === undefined
      ? ok(true)
      : fail(notReplaceable(target, `it holds ${stranger}, which this command does not write`));
  } catch (error) {
    return fail(fileSystemProblem(target, 'cannot list it', error));
  }
}

/** The first entry under `folder` that is not output (a description of it), or undefined. */
async function firstStranger(root: string, folder: string, isOutput: IsOutput): Promise<string | undefined> {
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    const path = relative(root, join(folder, entry.name));
    const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : undefined;
    if (kind === undefined || !isOutput(path, kind)) return kind === 'folder' ? `the folder ${path}` : path;
    if (kind === 'folder') {
      const inside = await firstStranger(root, join(folder, entry.name), isOutput);
      if (inside !== undefined) return inside;
    }
  }
  return undefined;
}

/**
 * A temporary folder beside `target` to write the output into. `target` must be missing or a folder holding only
 * output (`isOutput`): anything else is refused before anything is written. Its parent folder must exist.
 */
export async function stageOutputFolder(
  target: string,
  isOutput: IsOutput,
): Promise<Result<StagedFolder, OutputFolderProblem>> {
  const checked = await checkTarget(target, isOutput);
  if (!checked.ok) return checked;
  const parent = dirname(target);
  // Hidden, and named after the target, so a folder left by a killed process says what it was.
  const prefix = join(parent, `.${basename(target)}.`);
  let path: string;
  try {
    path = await mkdtemp(`${prefix}partial-`);
  } catch (error) {
    return fail(fileSystemProblem(target, `cannot create a folder in ${parent}`, error));
  }
  const discard = () => rm(path, { recursive: true, force: true });
  try {
    // mkdtemp makes it private (0700); the output is an ordinary folder, readable as a published one is.
    await chmod(path, 0o755);
  } catch (error) {
    await discard();
    return fail(fileSystemProblem(target, `cannot create a folder in ${parent}`, error));
  }
  const moveIn = async (): Promise<Result<void, OutputFolderProblem>> => {
    // Checked again: the folder may have changed while the output was being made.
    const recheck = await checkTarget(target, isOutput);
    if (!recheck.ok) return recheck;
    if (!recheck.value) {
      await rename(path, target);
      return ok(undefined);
    }
    // The previous output goes aside (renamed onto an empty folder of our own), the new one in, then the old is
    // removed; if the new one cannot go in, the old one comes back.
    const aside = await mkdtemp(`${prefix}previous-`);
    try {
      await rename(target, aside);
    } catch (error) {
      await rm(aside, { recursive: true, force: true });
      throw error;
    }
    try {
      await rename(path, target);
    } catch (error) {
      await discard();
      const problem = fileSystemProblem(target, 'cannot move the new files into place', error);
      const restored = await rename(aside, target).then(
        () => true,
        () => false,
      );
      return fail(
        restored ? problem : { ...problem, message: `${problem.message}; the previous output is in ${aside}` },
      );
    }
    await rm(aside, { recursive: true, force: true });
    return ok(undefined);
  };
  return ok({
    path,
    discard,
    async commit() {
      try {
        const moved = await moveIn();
        if (!moved.ok) await discard();
        return moved;
      } catch (error) {
        await discard();
        return fail(fileSystemProblem(target, 'cannot move the new files into place', error));
      }
    },
  });
}
