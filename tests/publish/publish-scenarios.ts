// The publish guarantees of issue 4, written once and run against any set of ports:
// in-memory fakes (unit) and dynalite + s3rver (integration). A publish is what the pipeline's publish and
// updatePublicView steps do, one after the other.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseReport } from '../../functions/core/report/parse-report';
import type { ReportDocument } from '../../functions/core/report/report-document';
import {
  immutableCacheControl,
  publicViewKeys,
  versionFileKey,
  type ReportKey,
} from '../../functions/publish/archive-keys';
import { inputHash, sha256Hex } from '../../functions/publish/input-hash';
import type { Manifest } from '../../functions/publish/manifest';
import type { ArtifactStore, CdnInvalidator, PublicationRepository } from '../../functions/publish/ports';
import type { PublicView } from '../../functions/publish/public-view';
import {
  publishVersion,
  type PublishDeps,
  type PublishOutcome,
  type PublishRequest,
} from '../../functions/publish/publish-version';
import { updatePublicView, type PublicViewDeps } from '../../functions/publish/update-public-view';

export interface ScenarioPorts {
  readonly store: ArtifactStore;
  readonly publications: PublicationRepository;
  readonly cdn: CdnInvalidator;
}

const parsed = parseReport(JSON.parse(readFileSync(new URL('../../samples/lishi-2023.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('fixture does not parse');
const fixture = parsed.value;

/** A distinct report per agency code, and distinct content per `edit`. */
export function sampleReport(agency: string, edit = 0): ReportDocument {
  return {
    ...fixture,
    agency: { ...fixture.agency, code: agency },
    narrative: { ...fixture.narrative, problems: `${fixture.narrative.problems}${edit ? `（修订 ${edit}）` : ''}` },
  };
}

/** A correction of a report: 行政许可 decisions one higher (no cross-footing involves them) and a sentence added to 五. */
export function correctedReport(report: ReportDocument): ReportDocument {
  const proactive = report.statistics.proactive as Record<string, Record<string, number>>;
  return {
    ...report,
    narrative: { ...report.narrative, problems: `${report.narrative.problems}\n\n本版补充了行政许可数据。` },
    statistics: {
      ...report.statistics,
      proactive: { ...proactive, licensing: { decisions: proactive.licensing!.decisions! + 1 } },
    },
  };
}

const encode = (s: string) => new TextEncoder().encode(s);

export function sampleRequest(report: ReportDocument, changeNote?: string): PublishRequest {
  const hash = inputHash(report);
  // Each attempt renders anew (a real PDF carries its creation time): bytes differ between attempts, inputs don't.
  const stamp = `${Date.now()}-${Math.random()}`;
  return {
    report,
    inputHash: hash,
    validation: { errors: 0, warnings: 0, skipped: [], findings: [] },
    ...(changeNote ? { changeNote } : {}),
    files: [
      { name: 'report.json', type: 'application/json', body: encode(JSON.stringify(report)) },
      { name: 'applications.csv', type: 'text/csv; charset=utf-8', body: encode(`\ufeffcsv ${hash}`) },
      { name: 'report.html', type: 'text/html; charset=utf-8', body: encode(`<html>${hash} ${stamp}</html>`) },
      { name: 'report.pdf', type: 'application/pdf', body: encode(`%PDF ${hash} ${stamp}`) },
    ],
  };
}

const decode = (b: Uint8Array | undefined) => (b ? (JSON.parse(new TextDecoder().decode(b)) as unknown) : undefined);

export async function publicView(store: ArtifactStore, key: ReportKey) {
  const keys = publicViewKeys(key);
  return {
    latest: decode(await store.get(keys.latest)) as PublicView['latest'] | undefined,
    index: decode(await store.get(keys.indexJson)) as PublicView | undefined,
  };
}

/** Every file listed in each version's manifest is there, with the hash the manifest says. */
export async function expectVersionsIntact(store: ArtifactStore, key: ReportKey, versions: readonly number[]) {
  for (const version of versions) {
    const manifest = decode(await store.get(versionFileKey(key, version, 'manifest.json'))) as Manifest;
    expect(manifest.version).toBe(version);
    expect(manifest.supersedes).toBe(version > 1 ? version - 1 : null);
    expect(manifest.files.map((f) => f.name).sort()).toEqual([
      'applications.csv',
      'report.html',
      'report.json',
      'report.pdf',
    ]);
    for (const file of manifest.files) {
      const body = await store.get(versionFileKey(key, version, file.name));
      expect(body && sha256Hex(body), `${file.name} of v${version}`).toBe(file.sha256);
      expect(body?.byteLength).toBe(file.size);
    }
  }
}

/** Counts writes per key, to prove nothing versioned is written twice. */
export function countingStore(store: ArtifactStore): ArtifactStore & { writes: Map<string, number> } {
  const writes = new Map<string, number>();
  return {
    writes,
    head: (k) => store.head(k),
    get: (k) => store.get(k),
    put: async (k, body, options) => {
      writes.set(k, (writes.get(k) ?? 0) + 1);
      // What is immutable is only ever created (putNew), never written over.
      expect(options.cacheControl, k).not.toBe(immutableCacheControl);
      await store.put(k, body, options);
    },
    putNew: async (k, body, options) => {
      const written = await store.putNew(k, body, options);
      if (written) writes.set(k, (writes.get(k) ?? 0) + 1);
      return written;
    },
  };
}

class InjectedCrash extends Error {
  override name = 'InjectedCrash';
}

/** The publish step, then the public view step, with the same ports. */
export async function publishAndShow(
  request: PublishRequest,
  deps: PublishDeps & PublicViewDeps,
): Promise<PublishOutcome> {
  const outcome = await publishVersion(request, deps);
  await updatePublicView(outcome.report, outcome, deps);
  return outcome;
}

export function publishScenarios(makePorts: () => ScenarioPorts, uniqueAgency: (name: string) => string) {
  const deps = (ports: ScenarioPorts, extra: Partial<PublishDeps> = {}) => ({ ...ports, pollMs: 20, ...extra });

  it('publishes v1, returns it again for identical content, and makes v2 for a correction', async () => {
    const ports = makePorts();
    const agency = uniqueAgency('basic');
    const key = { agency, year: 2023 };
    const first = await publishAndShow(sampleRequest(sampleReport(agency)), deps(ports));
    expect(first).toMatchObject({ version: 1, reused: false });
    const again = await publishAndShow(sampleRequest(sampleReport(agency), 'same content'), deps(ports));
    expect(again).toMatchObject({ version: 1, reused: true });
    const second = await publishAndShow(sampleRequest(sampleReport(agency, 1), '更正第三部分数字'), deps(ports));
    expect(second).toMatchObject({ version: 2, reused: false });
    const view = await publicView(ports.store, key);
    expect(view.latest?.version).toBe(2);
    expect(view.index?.versions.map((v) => [v.version, v.changeNote])).toEqual([
      [2, '更正第三部分数字'],
      [1, null],
    ]);
    await expectVersionsIntact(ports.store, key, [1, 2]);
  });

  for (const point of ['after:report.pdf', 'after:manifest.json', 'before-latest', 'before-index']) {
    it(`crash ${point}: the public view keeps the previous version; a rerun completes the same version without rewriting`, async () => {
      const ports = makePorts();
      const store = countingStore(ports.store);
      const agency = uniqueAgency(`crash-${point.replace(/[^a-z]/g, '')}`);
      const key = { agency, year: 2023 };
      await publishAndShow(sampleRequest(sampleReport(agency)), deps(ports));
      const before = await publicView(ports.store, key);
      const crash = async (p: string) => {
        if (p === point) throw new InjectedCrash(p);
      };
      const changed = sampleReport(agency, 7);
      const crashing = deps({ ...ports, store }, { fault: crash });
      await expect(publishAndShow(sampleRequest(changed, 'fix'), crashing)).rejects.toThrow(InjectedCrash);
      const during = await publicView(ports.store, key);
      // index.json is written last: at before-index latest.json already points at the complete v2, the index not yet.
      if (point === 'before-index') expect(during.index).toEqual(before.index);
      else expect(during).toEqual(before);

      const retry = await publishAndShow(sampleRequest(changed, 'fix'), deps({ ...ports, store }));
      expect(retry.version).toBe(2);
      const after = await publicView(ports.store, key);
      expect(after.latest?.version).toBe(2);
      expect(after.index?.versions.map((v) => v.version)).toEqual([2, 1]);
      await expectVersionsIntact(ports.store, key, [1, 2]);
      for (const [k, n] of store.writes) if (k.includes('/v2/')) expect(n, k).toBe(1);
      expect(await ports.publications.topSlot(key)).toMatchObject({ version: 2, status: 'published' });
    });
  }

  it('20 concurrent publishes of changed content make versions 1..20, every object intact', async () => {
    const ports = makePorts();
    const agency = uniqueAgency('concurrent-changed');
    const key = { agency, year: 2023 };
    const publish = (i: number) => publishAndShow(sampleRequest(sampleReport(agency, i + 1)), deps(ports));
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => publish(i)));
    expect(outcomes.map((o) => o.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(outcomes.every((o) => !o.reused)).toBe(true);
    await expectVersionsIntact(
      ports.store,
      key,
      outcomes.map((o) => o.version),
    );
    const view = await publicView(ports.store, key);
    expect(view.latest?.version).toBe(20);
    expect(view.index?.versions.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
  });

  it('20 concurrent publishes of identical content make one version', async () => {
    const ports = makePorts();
    const agency = uniqueAgency('concurrent-same');
    const key = { agency, year: 2023 };
    const publish = () => publishAndShow(sampleRequest(sampleReport(agency)), deps(ports));
    const outcomes = await Promise.all(Array.from({ length: 20 }, publish));
    expect(new Set(outcomes.map((o) => o.version))).toEqual(new Set([1]));
    expect(outcomes.filter((o) => !o.reused)).toHaveLength(1);
    expect(await ports.publications.topSlot(key)).toMatchObject({ version: 1, status: 'published' });
    await expectVersionsIntact(ports.store, key, [1]);
  });

  it('a versioned key written for other inputs is a conflict, not an overwrite', async () => {
    const ports = makePorts();
    const agency = uniqueAgency('conflict');
    const key = { agency, year: 2023 };
    const squatter = new TextEncoder().encode('not ours');
    await ports.store.put(versionFileKey(key, 1, 'report.pdf'), squatter, {
      contentType: 'application/pdf',
      cacheControl: immutableCacheControl,
    });
    await expect(publishAndShow(sampleRequest(sampleReport(agency)), deps(ports))).rejects.toThrow(/never overwritten/);
    expect(await ports.store.get(versionFileKey(key, 1, 'report.pdf'))).toEqual(squatter);
    expect((await publicView(ports.store, key)).latest).toBeUndefined();
  });
}
