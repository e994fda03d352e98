// Unexpected publish failures. Each keeps its cause; a retry of the same inputs resumes where it stopped.

export class PublishError extends Error {
  override name = 'PublishError';
}

/** A versioned key exists but was written for other inputs: the archive is never overwritten. */
export class ArchiveConflictError extends PublishError {
  override name = 'ArchiveConflictError';
  constructor(readonly key: string) {
    super(`${key} already exists with other content; versioned files are never overwritten`);
  }
}

/** Another publisher of the same inputs kept its lease longer than we were willing to wait. */
export class SlotBusyError extends PublishError {
  override name = 'SlotBusyError';
}

/** Lost the slot to another publisher (our lease ran out mid-publish). */
export class SlotLostError extends PublishError {
  override name = 'SlotLostError';
}
