// The publish guarantees against in-memory ports: fast, and the reference for the adapters' integration run.
import { describe } from 'vitest';
import { MemoryArtifactStore, MemoryPublicationRepository, RecordingCdn } from './memory-ports';
import { publishScenarios } from './publish-scenarios';

describe('publishVersion (in-memory ports)', () => {
  publishScenarios(
    () => ({ store: new MemoryArtifactStore(), publications: new MemoryPublicationRepository(), cdn: new RecordingCdn() }),
    (name) => `mem-${name}`,
  );
});
