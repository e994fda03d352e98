// The publish guarantees against in-memory ports: fast, and the reference for the adapters' integration run.
import { describe, expect, it } from 'vitest';
import { MemoryArtifactStore, MemoryPublicationRepository, RecordingCdn } from '../../dev/memory-stores/memory-ports';
import { publishAndShow, publishScenarios, sampleReport, sampleRequest } from './publish-scenarios';

describe('publishVersion and updatePublicView (in-memory ports)', () => {
  publishScenarios(
    () => ({
      store: new MemoryArtifactStore(),
      publications: new MemoryPublicationRepository(),
      cdn: new RecordingCdn(),
    }),
    (name) => `mem-${name}`,
  );
});

/** The same object, counting calls of each method: on AWS and the stand-ins, every call is a request. */
function counted<T extends object>(target: T): T & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  return new Proxy(target, {
    get(object, name, receiver) {
      if (name === 'calls') return calls;
      const value = Reflect.get(object, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(name)] = (calls[String(name)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  }) as T & { calls: Record<string, number> };
}

describe('publish requests', () => {
  it('a first publish reads nothing before writing: claim, files, mark published, view, one re-read', async () => {
    const store = counted(new MemoryArtifactStore());
    const publications = counted(new MemoryPublicationRepository());
    const request = sampleRequest(sampleReport('mem-requests'));
    await publishAndShow(request, { store, publications, cdn: new RecordingCdn() });
    expect(publications.calls).toEqual({ claimSlot: 1, markPublished: 1, listPublished: 1 });
    // The version's files and manifest, then index.html, latest.json and index.json.
    expect(store.calls).toEqual({ putNew: request.files.length + 1, put: 3 });
  });

  it('a correction reads the top slot and the records before writing the view', async () => {
    const deps = {
      store: new MemoryArtifactStore(),
      publications: counted(new MemoryPublicationRepository()),
      cdn: new RecordingCdn(),
    };
    await publishAndShow(sampleRequest(sampleReport('mem-requests-2')), deps);
    const before = { ...deps.publications.calls };
    await publishAndShow(sampleRequest(sampleReport('mem-requests-2', 1), '更正'), deps);
    const calls = Object.fromEntries(
      Object.entries(deps.publications.calls).map(([name, n]) => [name, n - (before[name] ?? 0)]),
    );
    expect(calls).toEqual({ claimSlot: 2, topSlot: 1, markPublished: 1, listPublished: 2 });
  });
});
