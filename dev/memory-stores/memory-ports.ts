// In-memory implementations of the publish ports, with the same conditional semantics as the DynamoDB/S3 adapters.
import type { ReportKey } from '../../functions/publish/archive-keys';
import type {
  ArtifactStore,
  CdnInvalidator,
  PublicationEntry,
  PublicationRecord,
  PublicationRepository,
  PublishedFields,
  PutOptions,
  StoredObject,
  VersionSlot,
} from '../../functions/publish/ports';

import { MemoryStatistics } from './memory-pipeline-ports';

const tick = () => new Promise((resolve) => setImmediate(resolve));

export class MemoryArtifactStore implements ArtifactStore {
  readonly objects = new Map<string, { body: Uint8Array; options: PutOptions }>();
  readonly puts: string[] = [];

  async head(key: string): Promise<StoredObject | undefined> {
    await tick();
    const o = this.objects.get(key);
    return o && { size: o.body.byteLength, metadata: { ...o.options.metadata } };
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    await tick();
    return this.objects.get(key)?.body;
  }

  async put(key: string, body: Uint8Array, options: PutOptions): Promise<void> {
    await tick();
    this.puts.push(key);
    this.objects.set(key, { body, options });
  }

  async putNew(key: string, body: Uint8Array, options: PutOptions): Promise<boolean> {
    await tick();
    if (this.objects.has(key)) return false;
    this.puts.push(key);
    this.objects.set(key, { body, options });
    return true;
  }

  json(key: string): unknown {
    const o = this.objects.get(key);
    return o && JSON.parse(new TextDecoder().decode(o.body));
  }
}

const id = (k: ReportKey) => `${k.agency}/${k.year}`;

export class MemoryPublicationRepository implements PublicationRepository {
  readonly slots = new Map<string, Map<number, VersionSlot | PublicationRecord>>();

  private of(k: ReportKey) {
    let m = this.slots.get(id(k));
    if (!m) this.slots.set(id(k), (m = new Map<number, VersionSlot | PublicationRecord>()));
    return m;
  }

  async topSlot(k: ReportKey) {
    await tick();
    const m = this.of(k);
    return m.get(Math.max(0, ...m.keys()));
  }

  async claimSlot(k: ReportKey, slot: VersionSlot) {
    await tick();
    const m = this.of(k);
    if (m.has(slot.version)) return false;
    m.set(slot.version, slot);
    return true;
  }

  async takeOverSlot(k: ReportKey, slot: VersionSlot, owner: string, leaseUntil: number) {
    await tick();
    const m = this.of(k);
    const cur = m.get(slot.version);
    if (!cur || cur.status !== 'writing' || cur.owner !== slot.owner || cur.leaseUntil !== slot.leaseUntil)
      return false;
    m.set(slot.version, { ...cur, owner, leaseUntil });
    return true;
  }

  async releaseSlot(k: ReportKey, version: number, owner: string) {
    await tick();
    const m = this.of(k);
    const cur = m.get(version);
    if (cur && cur.owner === owner && cur.status === 'writing') m.set(version, { ...cur, leaseUntil: 0 });
  }

  async markPublished(k: ReportKey, version: number, owner: string, fields: PublishedFields) {
    await tick();
    const m = this.of(k);
    const cur = m.get(version);
    if (!cur || cur.owner !== owner) return false;
    m.set(version, { ...cur, ...fields, status: 'published' });
    return true;
  }

  async listPublished(k: ReportKey) {
    await tick();
    return [...this.of(k).values()]
      .filter((s): s is PublicationRecord => s.status === 'published')
      .sort((a, b) => a.version - b.version);
  }

  async listEveryPublication(): Promise<PublicationEntry[]> {
    await tick();
    const entries: PublicationEntry[] = [];
    for (const [reportId, slots] of this.slots) {
      const [agency = '', year = ''] = reportId.split('/');
      for (const s of slots.values()) {
        if (s.status !== 'published') continue;
        const r = s as PublicationRecord;
        entries.push({
          agency,
          year: Number(year),
          version: r.version,
          publishedAt: r.publishedAt,
          changeNote: r.changeNote,
          title: r.title,
          agencyName: r.agencyName,
        });
      }
    }
    return entries.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
  }
}

export class RecordingCdn implements CdnInvalidator {
  readonly invalidations: string[][] = [];
  async invalidate(paths: readonly string[]) {
    this.invalidations.push([...paths]);
  }
}

/** The stores of one pipeline in memory: statistics, the archive and the staging bucket, publications, the CDN. */
export function memoryStores() {
  return {
    statistics: new MemoryStatistics(),
    store: new MemoryArtifactStore(),
    staging: new MemoryArtifactStore(),
    publications: new MemoryPublicationRepository(),
    cdn: new RecordingCdn(),
  };
}
