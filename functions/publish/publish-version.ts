// Publishing one version of one report: claim a version slot, write v{n}/ once, then move the public view.
//
// Safety, in order:
// 1. The slot record in the publication repository (conditional write) makes version n ours; the slot carries the
//    hash of our inputs, so a retry or a duplicate trigger of the same inputs finds it and resumes or returns it.
// 2. Every versioned file is created with a conditional PUT (only if absent): if the key exists and was written for
//    our inputs (a crashed attempt), we keep it; if it was written for anything else, that is an
//    ArchiveConflictError, never an overwrite.
// 3. manifest.json is written last in v{n}/, then the slot is marked published, then the public view (latest.json,
//    the indexes) is rebuilt and the CDN invalidated. A crash at any point leaves the public view on the previous
//    complete version; rerunning the same inputs completes this one.
import { randomUUID } from 'node:crypto';
import type { ReportDocument } from '../core/report/report-document';
import { immutableCacheControl, manifestName, publicViewKeys, publicViewPaths, shortCacheControl, versionFileKey, type ReportKey } from './archive-keys';
import { sha256Hex } from './input-hash';
import { buildManifest, encodeJson, type ArchiveFile, type Manifest, type ManifestEntry } from './manifest';
import type { ArtifactStore, CdnInvalidator, PublicationRecord, PublicationRepository, PublishedFields, VersionSlot } from './ports';
import { buildPublicView, renderPublicViewHtml, type PublicView } from './public-view';
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
 * Named points where tests inject a crash: `after:<file name>` (incl. manifest.json), `before-latest` (the version is
 * recorded published, the public view not yet moved), `before-index` (latest.json moved, index.json not yet).
 */
export type FaultPoint = string;

export interface PublishDeps {
  readonly store: ArtifactStore;
  readonly publications: PublicationRepository;
  readonly cdn: CdnInvalidator;
  readonly now?: () => Date;
  /** How long a claimed slot is ours before a publisher of the same inputs may take it over. */
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly fault?: (point: FaultPoint) => void | Promise<void>;
}

export interface PublishOutcome {
  readonly version: number;
  /** True when these inputs were already published (or being published) and no new version was made. */
  readonly reused: boolean;
  readonly keys: { readonly html: string; readonly pdf: string; readonly manifest: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const metaSha = 'sha256';
const metaInput = 'input-hash';

export async function publishVersion(request: PublishRequest, deps: PublishDeps): Promise<PublishOutcome> {
  const key: ReportKey = { agency: request.report.agency.code, year: request.report.year };
  const owner = randomUUID();
  const claimed = await acquireSlot(key, request.inputHash, owner, deps);
  const outcome = (version: number, reused: boolean): PublishOutcome => ({
    version,
    reused,
    keys: { html: versionFileKey(key, version, 'report.html'), pdf: versionFileKey(key, version, 'report.pdf'), manifest: versionFileKey(key, version, manifestName) },
  });
  if (claimed.kind === 'published') {
    // Published before; make sure a crash between `published` and the public view did not leave it behind.
    await ensurePublicView(key, deps, 'compare');
    return outcome(claimed.slot.version, true);
  }
  const { version } = claimed.slot;
  try {
    const manifest = await writeVersion(key, version, request, deps);
    const fields: PublishedFields = {
      publishedAt: manifest.publishedAt,
      changeNote: manifest.changeNote,
      approver: manifest.approver,
      title: manifest.title,
      files: manifest.files,
      validation: { errors: manifest.validation.errors, warnings: manifest.validation.warnings },
    };
    if (!(await deps.publications.markPublished(key, version, owner, fields))) {
      throw new SlotLostError(`version ${version} of ${key.agency}/${key.year} was taken over by another publisher`);
    }
    // A freshly claimed version 1 is the report's only version: its record is the whole view.
    await ensurePublicView(key, deps, claimed.first ? [{ ...claimed.slot, ...fields, status: 'published' }] : 'read');
  } catch (error) {
    // Let a retry take the slot at once instead of waiting out the lease.
    await deps.publications.releaseSlot(key, version, owner).catch(() => undefined);
    throw error;
  }
  return outcome(version, false);
}

/** `first`: a freshly claimed version 1, so no other version of the report exists. */
type Claim = { kind: 'owned'; slot: VersionSlot; first: boolean } | { kind: 'published'; slot: VersionSlot };

async function acquireSlot(key: ReportKey, inputHash: string, owner: string, deps: PublishDeps): Promise<Claim> {
  const now = () => (deps.now?.() ?? new Date()).getTime();
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const giveUpAt = now() + leaseMs + 60_000;
  const newSlot = (version: number): VersionSlot => ({ version, inputHash, status: 'writing', owner, leaseUntil: now() + leaseMs, createdAt: new Date(now()).toISOString() });
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
      if (await deps.publications.takeOverSlot(key, top, owner, leaseUntil)) return { kind: 'owned', slot: { ...top, owner, leaseUntil }, first: false };
      continue;
    }
    // The same inputs are being published right now: wait for that publisher rather than make a second version.
    if (now() > giveUpAt) throw new SlotBusyError(`version ${top.version} of ${key.agency}/${key.year} is still being written by another publisher`);
    await sleep(deps.pollMs ?? 50);
  }
}

/**
 * Creates an archived object once. A file an earlier attempt at the same inputs left there is kept (`kept`, with its
 * own hash and size); anything else there is a conflict, never an overwrite.
 */
async function createOnce(store: ArtifactStore, key: string, body: Uint8Array, contentType: string, inputHash: string) {
  const sha256 = sha256Hex(body);
  if (await store.putNew(key, body, { contentType, cacheControl: immutableCacheControl, metadata: { [metaSha]: sha256, [metaInput]: inputHash } })) {
    return { sha256, size: body.byteLength, kept: false };
  }
  const existing = await store.head(key);
  const existingSha = existing?.metadata[metaSha];
  if (!existing || existing.metadata[metaInput] !== inputHash || !existingSha) throw new ArchiveConflictError(key);
  return { sha256: existingSha, size: existing.size, kept: true };
}

async function writeFile(store: ArtifactStore, key: string, file: ArchiveFile, inputHash: string): Promise<ManifestEntry> {
  const { sha256, size } = await createOnce(store, key, file.body, file.type, inputHash);
  return { name: file.name, sha256, size, type: file.type };
}

async function writeVersion(key: ReportKey, version: number, request: PublishRequest, deps: PublishDeps): Promise<Manifest> {
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

const sameView = (a: PublicView, b: PublicView | undefined) => JSON.stringify(a) === JSON.stringify(b);

function parseView(body: Uint8Array | undefined): PublicView | undefined {
  try {
    return body && (JSON.parse(new TextDecoder().decode(body)) as PublicView);
  } catch {
    return undefined; // half-written by a stand-in without atomic PUTs: treat as stale
  }
}

// Publishers in one process take turns on a report's public view (S3 PUTs to one key race; s3rver's are not even atomic).
const viewLocks = new Map<string, Promise<void>>();
async function withViewLock(key: ReportKey, work: () => Promise<void>): Promise<void> {
  const id = `${key.agency}/${key.year}`;
  const previous = viewLocks.get(id) ?? Promise.resolve();
  const current = previous.then(work, work);
  const settled = current.catch(() => undefined);
  viewLocks.set(id, settled);
  try {
    await current;
  } finally {
    if (viewLocks.get(id) === settled) viewLocks.delete(id);
  }
}

/**
 * Rewrites the public view until what the bucket shows is what the repository says: another process may write an
 * older view after ours, but then its own check sees the difference. Where it starts: `compare` (a repeat of
 * published inputs: the view is probably current, and then nothing is written), `read` (a new version: the view
 * cannot show it yet), or the records already known to be all there are.
 */
async function ensurePublicView(key: ReportKey, deps: PublishDeps, start: 'compare' | 'read' | readonly PublicationRecord[]): Promise<void> {
  await deps.fault?.('before-latest');
  const readView = async () => buildPublicView(key, await deps.publications.listPublished(key));
  await withViewLock(key, async () => {
    let view = typeof start === 'string' ? await readView() : buildPublicView(key, start);
    if (start === 'compare' && sameView(view, parseView(await deps.store.get(publicViewKeys(key).indexJson)))) return;
    // Write, then re-read the records: if they moved meanwhile (another publisher), write again. The last writer
    // always re-reads after its write, so the bucket ends on the newest state.
    for (let attempt = 0; attempt < 10; attempt++) {
      await writePublicView(key, view, deps);
      const now = await readView();
      if (sameView(now, view)) break;
      view = now;
    }
    await deps.cdn.invalidate(publicViewPaths(key));
  });
}

async function writePublicView(key: ReportKey, view: PublicView, { store, fault }: PublishDeps): Promise<void> {
  const keys = publicViewKeys(key);
  const json = { contentType: 'application/json', cacheControl: shortCacheControl };
  // index.json last: when it is current, the others were written before it.
  await Promise.all([
    store.put(keys.indexHtml, new TextEncoder().encode(renderPublicViewHtml(view)), { contentType: 'text/html; charset=utf-8', cacheControl: shortCacheControl }),
    store.put(keys.latest, encodeJson(view.latest), json),
  ]);
  await fault?.('before-index');
  await store.put(keys.indexJson, encodeJson(view), json);
}
