// Publishing one version of one report: claim a version slot, write v{n}/ once, mark it published. Moving the public
// view to it is the next step (update-public-view.ts).
//
// Safety, in order:
// 1. The slot record in the publication repository (conditional write) makes version n ours; the slot carries the
//    hash of our inputs, so a retry or a duplicate trigger of the same inputs finds it and resumes or returns it.
// 2. Every versioned file is created with a conditional PUT (only if absent): if the key exists and was written for
//    our inputs (a crashed attempt), we keep it; if it was written for anything else, that is an
//    ArchiveConflictError, never an overwrite.
// 3. manifest.json is written last in v{n}/, then the slot is marked published. Until the public view step runs, the
//    public view stays on the previous complete version; rerunning the same inputs returns this one (reused) and
//    the public view step repairs the view.
import { randomUUID } from 'node:crypto';
import type { ReportDocument } from '../core/report/report-document';
import { immutableCacheControl, manifestName, versionFileKey, type ReportKey } from './archive-keys';
import { sha256Hex } from './input-hash';
import { buildManifest, encodeJson, type ArchiveFile, type Manifest, type ManifestEntry } from './manifest';
import type { ArtifactStore, PublicationRecord, PublicationRepository, PublishedFields, VersionSlot } from './ports';
import { ArchiveConflictError, SlotBusyError, SlotLostError } from './publish-errors';
import type { ValidationSummary } from './validation-summary';

export interface PublishRequest {
  readonly report: ReportDocument;
  readonly inputHash: string;
  /** report.html, report.pdf, report.json, the CSV tables. */
  readonly files: readonly ArchiveFile[];
  readonly validation: ValidationSummary;
  readonly changeNote?: string;
  readonly approver?: string;
}

/**
 * Named points where tests inject a crash: `after:<file name>` (incl. manifest.json); in the public view step
 * `before-latest` (the version is recorded published, the public view not yet moved) and `before-index` (latest.json
 * moved, index.json not yet).
 */
export type FaultPoint = string;

/** How publishing behaves rather than where it writes: the clock, the lease, and crash points for tests. */
export interface PublishTuning {
  readonly now?: () => Date;
  /** How long a claimed slot is ours before a publisher of the same inputs may take it over. */
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly fault?: (point: FaultPoint) => void | Promise<void>;
}

export interface PublishDeps extends PublishTuning {
  readonly store: ArtifactStore;
  readonly publications: PublicationRepository;
}

export interface PublishOutcome {
  readonly report: ReportKey;
  readonly version: number;
  /** True when these inputs were already published (or being published) and no new version was made. */
  readonly reused: boolean;
  readonly keys: { readonly html: string; readonly pdf: string; readonly manifest: string };
  /** When this publish made the report's version 1: its record, which is all the public view will show. */
  readonly onlyVersion: PublicationRecord | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const metaSha = 'sha256';
const metaInput = 'input-hash';

export async function publishVersion(request: PublishRequest, deps: PublishDeps): Promise<PublishOutcome> {
  const key: ReportKey = { agency: request.report.agency.code, year: request.report.year };
  const owner = randomUUID();
  const claimed = await acquireSlot(key, request.inputHash, owner, deps);
  const outcome = (version: number, reused: boolean, onlyVersion: PublicationRecord | null = null): PublishOutcome => ({
    report: key,
    version,
    reused,
    onlyVersion,
    keys: {
      html: versionFileKey(key, version, 'report.html'),
      pdf: versionFileKey(key, version, 'report.pdf'),
      manifest: versionFileKey(key, version, manifestName),
    },
  });
  // Published before: the public view step checks that a crash before it did not leave the view behind.
  if (claimed.kind === 'published') return outcome(claimed.slot.version, true);
  const { version } = claimed.slot;
  try {
    const manifest = await writeVersion(key, version, request, deps);
    const fields: PublishedFields = {
      publishedAt: manifest.publishedAt,
      changeNote: manifest.changeNote,
      approver: manifest.approver,
      title: manifest.title,
      agencyName: request.report.agency.name,
      files: manifest.files,
      validation: { errors: manifest.validation.errors, warnings: manifest.validation.warnings },
    };
    if (!(await deps.publications.markPublished(key, version, owner, fields))) {
      throw new SlotLostError(`version ${version} of ${key.agency}/${key.year} was taken over by another publisher`);
    }
    // A freshly claimed version 1 is the report's only version: its record is the whole view.
    return outcome(version, false, claimed.first ? { ...claimed.slot, ...fields, status: 'published' } : null);
  } catch (error) {
    // Let a retry take the slot at once instead of waiting out the lease.
    await deps.publications.releaseSlot(key, version, owner).catch(() => undefined);
    throw error;
  }
}

/** `first`: a freshly claimed version 1, so no other version of the report exists. */
type Claim = { kind: 'owned'; slot: VersionSlot; first: boolean } | { kind: 'published'; slot: VersionSlot };

async function acquireSlot(key: ReportKey, inputHash: string, owner: string, deps: PublishDeps): Promise<Claim> {
  const now = () => (deps.now?.() ?? new Date()).getTime();
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const giveUpAt = now() + leaseMs + 60_000;
  const newSlot = (version: number): VersionSlot => ({
    version,
    inputHash,
    status: 'writing',
    owner,
    leaseUntil: now() + leaseMs,
    createdAt: new Date(now()).toISOString(),
  });
  // Most reports are published once: claim version 1 before reading anything (the conditional write is the read).
  const first = newSlot(1);
  if (await deps.publications.claimSlot(key, first)) return { kind: 'owned', slot: first, first: true };
  for (;;) {
    const top = await deps.publications.topSlot(key);
    if (!top || top.inputHash !== inputHash) {
      // Different content than the newest version: the next version number is ours if we claim it first.
      const slot = newSlot((top?.version ?? 0) + 1);
      if (await deps.publications.claimSlot(key, slot)) return { kind: 'owned', slot, first: slot.version === 1 };
      continue;
    }
    if (top.status === 'published') return { kind: 'published', slot: top };
    if (top.leaseUntil <= now()) {
      const leaseUntil = now() + leaseMs;
      if (await deps.publications.takeOverSlot(key, top, owner, leaseUntil))
        return { kind: 'owned', slot: { ...top, owner, leaseUntil }, first: false };
      continue;
    }
    // The same inputs are being published right now: wait for that publisher rather than make a second version.
    if (now() > giveUpAt)
      throw new SlotBusyError(
        `version ${top.version} of ${key.agency}/${key.year} is still being written by another publisher`,
      );
    await sleep(deps.pollMs ?? 50);
  }
}

/**
 * Creates an archived object once. A file an earlier attempt at the same inputs left there is kept (`kept`, with its
 * own hash and size); anything else there is a conflict, never an overwrite.
 */
async function createOnce(store: ArtifactStore, key: string, body: Uint8Array, contentType: string, inputHash: string) {
  const sha256 = sha256Hex(body);
  if (
    await store.putNew(key, body, {
      contentType,
      cacheControl: immutableCacheControl,
      metadata: { [metaSha]: sha256, [metaInput]: inputHash },
    })
  ) {
    return { sha256, size: body.byteLength, kept: false };
  }
  const existing = await store.head(key);
  const existingSha = existing?.metadata[metaSha];
  if (!existing || existing.metadata[metaInput] !== inputHash || !existingSha) throw new ArchiveConflictError(key);
  return { sha256: existingSha, size: existing.size, kept: true };
}

async function writeFile(
  store: ArtifactStore,
  key: string,
  file: ArchiveFile,
  inputHash: string,
): Promise<ManifestEntry> {
  const { sha256, size } = await createOnce(store, key, file.body, file.type, inputHash);
  return { name: file.name, sha256, size, type: file.type };
}

async function writeVersion(
  key: ReportKey,
  version: number,
  request: PublishRequest,
  deps: PublishDeps,
): Promise<Manifest> {
  // The files are independent of each other: written side by side. All settle before we go on, so a failed attempt
  // leaves nothing still writing behind it when it returns.
  const written = await Promise.allSettled(
    request.files.map(async (file) => {
      const entry = await writeFile(deps.store, versionFileKey(key, version, file.name), file, request.inputHash);
      await deps.fault?.(`after:${file.name}`);
      return entry;
    }),
  );
  const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
  if (failed) throw failed.reason;
  const entries = written.map((w) => (w as PromiseFulfilledResult<ManifestEntry>).value);
  const { report } = request;
  const manifest = buildManifest({
    agency: key.agency,
    year: key.year,
    template: report.template,
    title: report.title,
    version,
    publishedAt: (deps.now?.() ?? new Date()).toISOString(),
    changeNote: request.changeNote ?? null,
    approver: request.approver ?? null,
    inputHash: request.inputHash,
    validation: request.validation,
    files: entries,
  });
  const manifestKey = versionFileKey(key, version, manifestName);
  let published = manifest;
  if ((await createOnce(deps.store, manifestKey, encodeJson(manifest), 'application/json', request.inputHash)).kept) {
    // A crashed attempt finished the version folder: its manifest (and publishedAt) stands.
    const stored = await deps.store.get(manifestKey);
    if (!stored) throw new ArchiveConflictError(manifestKey);
    published = JSON.parse(new TextDecoder().decode(stored)) as Manifest;
  }
  await deps.fault?.(`after:${manifestName}`);
  return published;
}
