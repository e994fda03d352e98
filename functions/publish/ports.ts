// The IO edges of publishing. Adapters (S3, DynamoDB, CloudFront, local) implement these; the logic here never imports an SDK.
import type { ReportKey } from './archive-keys';
import type { ManifestEntry } from './manifest';

export interface StoredObject {
  readonly size: number;
  /** User metadata as stored with the object (keys lower-case). */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutOptions {
  readonly contentType: string;
  readonly cacheControl: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface ArtifactStore {
  head(key: string): Promise<StoredObject | undefined>;
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array, options: PutOptions): Promise<void>;
  /** Writes only if the key is absent (a conditional PUT, `If-None-Match: *`); false when it exists, which is left as it is. */
  putNew(key: string, body: Uint8Array, options: PutOptions): Promise<boolean>;
}

/**
 * A version slot: claimed (status `writing`) by one publisher holding a lease, then `published`.
 * The slot record is also the idempotency record: it carries the hash of the inputs that own it.
 */
export interface VersionSlot {
  readonly version: number;
  readonly inputHash: string;
  readonly status: 'writing' | 'published';
  readonly owner: string;
  /** Epoch ms; another publisher of the same inputs may take the slot over after this. */
  readonly leaseUntil: number;
  readonly createdAt: string;
}

export interface PublicationRecord extends VersionSlot {
  readonly status: 'published';
  readonly publishedAt: string;
  readonly changeNote: string | null;
  readonly approver: string | null;
  readonly title: string;
  /** The agency's name as the report gives it: the archive's pages list agencies by it. */
  readonly agencyName: string;
  readonly files: readonly ManifestEntry[];
  readonly validation: { readonly errors: number; readonly warnings: number };
}

export type PublishedFields = Omit<PublicationRecord, keyof VersionSlot | 'status'>;

/** One published version anywhere in the archive, as the site-wide pages (home, feed, search) list it. */
export interface PublicationEntry
  extends Pick<PublicationRecord, 'version' | 'publishedAt' | 'changeNote' | 'title' | 'agencyName'>, ReportKey {}

export interface PublicationRepository {
  /** The highest version slot of a report (consistent read), whatever its status. */
  topSlot(report: ReportKey): Promise<VersionSlot | undefined>;
  /** Claims a new slot; false if that version already exists. */
  claimSlot(report: ReportKey, slot: VersionSlot): Promise<boolean>;
  /** Takes over a slot whose lease ran out; false if anyone changed it meanwhile. */
  takeOverSlot(report: ReportKey, slot: VersionSlot, owner: string, leaseUntil: number): Promise<boolean>;
  /** Lets a retry take the slot at once (after a failure we know about). */
  releaseSlot(report: ReportKey, version: number, owner: string): Promise<void>;
  /** Marks the slot published; false if we no longer own it. */
  markPublished(report: ReportKey, version: number, owner: string, fields: PublishedFields): Promise<boolean>;
  /** The published records of a report (consistent read): what the public view is built from. */
  listPublished(report: ReportKey): Promise<PublicationRecord[]>;
  /**
   * Every published version of every report, newest first: the index the site-wide pages are rebuilt from. May lag
   * a moment behind markPublished (a DynamoDB GSI is eventually consistent): callers add what they just published.
   */
  listEveryPublication(): Promise<PublicationEntry[]>;
}

export interface CdnInvalidator {
  invalidate(paths: readonly string[]): Promise<void>;
}
