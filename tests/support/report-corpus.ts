// The corpus of real published reports (../shared/corpus beside the repository) and the defects a careful reader
// found in each (`<case>.truth.json`), for tests that hold the rules to what agencies actually write.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repositoryRoot = new URL('../..', import.meta.url).pathname;

/**
 * `shared/corpus` beside the repository (CI), or one level further up (a git worktree under `wt/`);
 * `NIANBAO_CORPUS` names another folder.
 */
const corpusCandidates = process.env.NIANBAO_CORPUS
  ? [resolve(process.env.NIANBAO_CORPUS)]
  : [join(repositoryRoot, '..', 'shared', 'corpus'), join(repositoryRoot, '..', '..', 'shared', 'corpus')];
const corpusFolder = corpusCandidates.find((dir) => existsSync(dir)) ?? corpusCandidates[0]!;

export interface TruthDefect {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  /** Cell ids the finding must name (any of `cells`, `cell`); `column` is a column key of 三. */
  readonly cells?: readonly string[];
  readonly cell?: string;
  readonly column?: string;
  readonly message?: string;
}

export interface CorpusCase {
  readonly name: string;
  readonly document: unknown;
  /** The case of the year before, when the corpus has it. */
  readonly previous: string | null;
  readonly defects: readonly TruthDefect[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every case of the corpus; a clear error when the folder is missing (CI checks out shared/ beside the clone). */
export function corpusCases(folder = corpusFolder): CorpusCase[] {
  if (!existsSync(folder)) {
    throw new Error(
      `the report corpus is missing: looked in ${folder === corpusFolder ? corpusCandidates.join(', ') : folder} ` +
        '(shared/corpus beside the ' +
        'repository; set NIANBAO_CORPUS to its folder to read it from elsewhere)',
    );
  }
  const names = readdirSync(folder)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.truth.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
  if (names.length === 0) throw new Error(`the report corpus ${folder} holds no <case>.json`);
  return names.map((name) => {
    const truth = readJson(join(folder, `${name}.truth.json`)) as { previous: string | null; defects: TruthDefect[] };
    return { name, document: readJson(join(folder, `${name}.json`)), previous: truth.previous, defects: truth.defects };
  });
}
