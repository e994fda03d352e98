// `--out` folders: replaced whole or left exactly as they were, every failure one line with exit 2 or 3.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../functions/cli/exit-codes';
import { stageOutputFolder, type IsOutput } from '../../functions/cli/output-folder';
import { folderListing } from '../support/folder-listing';

const root = mkdtempSync(join(tmpdir(), 'nianbao-output-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh parent folder, so leftovers beside the target show. */
const parentFolder = () => {
  const parent = join(root, `case-${++counter}`);
  mkdirSync(parent);
  return parent;
};

// Output here: *.out files at the top and in `sub/`.
const isOutput: IsOutput = (path, kind) => (kind === 'folder' ? path === 'sub' : /^(sub\/)?[a-z]+\.out$/.test(path));

/** A target holding a previous output (old.out). */
function previousOutput(): { parent: string; target: string } {
  const parent = parentFolder();
  const target = join(parent, 'out');
  mkdirSync(target);
  writeFileSync(join(target, 'old.out'), 'old');
  return { parent, target };
}

async function staged(target: string) {
  const result = await stageOutputFolder(target, isOutput);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function refusal(target: string) {
  const result = await stageOutputFolder(target, isOutput);
  if (result.ok) throw new Error('staged, expected a refusal');
  expect(result.error.message.split('\n')).toHaveLength(1);
  expect(result.error.message).toContain(target);
  return result.error;
}

describe('stageOutputFolder', () => {
  it('writes a new folder by renaming a finished one into place, leaving nothing beside it', async () => {
    const parent = parentFolder();
    const target = join(parent, 'out');
    const folder = await staged(target);
    expect(existsSync(target)).toBe(false);
    writeFileSync(join(folder.path, 'a.out'), 'new');
    expect((await folder.commit()).ok).toBe(true);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(target)).toEqual(['a.out']);
  });

  it('replaces a previous output whole: its files are gone, nothing is left beside it', async () => {
    const parent = parentFolder();
    const target = join(parent, 'out');
    mkdirSync(join(target, 'sub'), { recursive: true });
    writeFileSync(join(target, 'old.out'), 'old');
    writeFileSync(join(target, 'sub', 'old.out'), 'old');
    const folder = await staged(target);
    writeFileSync(join(folder.path, 'a.out'), 'new');
    expect((await folder.commit()).ok).toBe(true);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(folderListing(target)).toEqual(['. folder', `./a.out file ${sha('new')}`]);
  });

  it.each([
    ['a file', (t: string) => writeFileSync(t, 'x'), /it is a file, not a folder/],
    ['a symbolic link', (t: string) => symlinkSync(tmpdir(), t), /symbolic link/],
    [
      'a folder holding other files',
      (t: string) => {
        mkdirSync(t);
        writeFileSync(join(t, 'notes.txt'), 'x');
      },
      /holds notes\.txt/,
    ],
    [
      'a folder where output has a folder',
      (t: string) => mkdirSync(join(t, 'a.out'), { recursive: true }),
      /holds the folder a\.out/,
    ],
    [
      'a folder with other files deeper down',
      (t: string) => {
        mkdirSync(join(t, 'sub'), { recursive: true });
        writeFileSync(join(t, 'sub', 'x.txt'), 'x');
      },
      /sub\/x\.txt/,
    ],
  ])('refuses a target that is %s (exit 2), and changes nothing', async (_name, make, message) => {
    const parent = parentFolder();
    const target = join(parent, 'out');
    make(target);
    const before = folderListing(parent);
    const problem = await refusal(target);
    expect(problem.exitCode).toBe(exitCodes.unreadable);
    expect(problem.message).toMatch(message);
    expect(folderListing(parent)).toEqual(before);
  });

  it('refuses a path through a file (ENOTDIR) and a missing parent (exit 2), creating nothing', async () => {
    const parent = parentFolder();
    writeFileSync(join(parent, 'file'), 'x');
    const before = folderListing(parent);
    expect((await refusal(join(parent, 'file', 'out'))).exitCode).toBe(exitCodes.unreadable);
    expect((await refusal(join(parent, 'missing', 'out'))).message).toMatch(
      /cannot create a folder in .*missing \(no such file or folder\)/,
    );
    expect(folderListing(parent)).toEqual(before);
  });

  it.runIf(existsSync('/proc/self'))(
    'refuses /proc/nope at once (recursive mkdir spins there forever)',
    async () => {
      const problem = await refusal('/proc/nope');
      expect(problem.exitCode).toBe(exitCodes.unreadable);
    },
    5_000,
  );

  it('discarded, leaves the target as it was', async () => {
    const { parent, target } = previousOutput();
    const before = folderListing(parent);
    const folder = await staged(target);
    writeFileSync(join(folder.path, 'a.out'), 'new');
    await folder.discard();
    expect(folderListing(parent)).toEqual(before);
  });

  it('refuses at commit a target that gained other files meanwhile, and leaves it as it was', async () => {
    const parent = parentFolder();
    const target = join(parent, 'out');
    const folder = await staged(target);
    writeFileSync(join(folder.path, 'a.out'), 'new');
    mkdirSync(target);
    writeFileSync(join(target, 'mine.txt'), 'mine');
    const before = folderListing(target);
    const committed = await folder.commit();
    expect(committed.ok).toBe(false);
    expect(folderListing(target)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('puts the previous output back when the new one cannot be moved in', async () => {
    const { parent, target } = previousOutput();
    const before = folderListing(parent);
    const folder = await staged(target);
    rmSync(folder.path, { recursive: true }); // the rename of the new folder fails
    const committed = await folder.commit();
    expect(committed.ok ? undefined : committed.error.message).toMatch(/cannot move the new files into place/);
    expect(folderListing(parent)).toEqual(before);
  });

  // Any starting state × any way of failing: the target and its parent are exactly as they were.
  it('when anything fails, the target is exactly as it was (property)', async () => {
    const name = fc.constantFrom('a.out', 'b.out', 'notes.txt', 'sub', 'a.out.d');
    const tree = fc.array(fc.record({ path: fc.array(name, { minLength: 1, maxLength: 2 }), content: fc.string() }), {
      maxLength: 5,
    });
    const start = fc.oneof(
      fc.constant({ kind: 'missing' as const }),
      fc.constant({ kind: 'file' as const }),
      fc.record({ kind: fc.constant('folder' as const), tree }),
    );
    const failure = fc.constantFrom('discard', 'changed', 'moved-away');
    await fc.assert(
      fc.asyncProperty(start, failure, async (state, how) => {
        const parent = parentFolder();
        const target = join(parent, 'out');
        if (state.kind === 'file') writeFileSync(target, 'a file');
        if (state.kind === 'folder') {
          mkdirSync(target);
          for (const { path, content } of state.tree) {
            const file = join(target, ...path);
            try {
              mkdirSync(join(file, '..'), { recursive: true });
              writeFileSync(file, content);
            } catch {
              // a name already used as the other kind: that entry stays as it is
            }
          }
        }
        const before = folderListing(parent);
        const result = await stageOutputFolder(target, isOutput);
        if (result.ok) {
          writeFileSync(join(result.value.path, 'a.out'), 'new');
          if (how === 'discard') await result.value.discard();
          else {
            if (how === 'changed')
              writeFileSync(join(existsSync(target) ? target : (mkdirSync(target), target), 'zz.txt'), 'x');
            else rmSync(result.value.path, { recursive: true });
            const expected = folderListing(target);
            expect((await result.value.commit()).ok).toBe(false);
            expect(folderListing(target)).toEqual(expected);
            expect(readdirSync(parent).filter((entry) => entry !== 'out')).toEqual([]);
            return;
          }
        }
        expect(folderListing(parent)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
