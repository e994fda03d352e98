// One failure shape, classified: busy and slow are retryable, the rest failed.
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../functions/pipeline/step-failure';
import { ArchiveConflictError, SlotBusyError, SlotLostError } from '../../functions/publish/publish-errors';

const sdkError = (name: string, extra: object) => Object.assign(new Error(name), { name, ...extra });

describe('classifyError', () => {
  it.each<[string, Error]>([
    ['a busy slot', new SlotBusyError('busy')],
    ['a lost slot', new SlotLostError('lost')],
    ['an SDK error the SDK calls retryable', sdkError('ThrottlingException', { $retryable: { throttling: true } })],
    ['a 5xx', sdkError('InternalError', { $metadata: { httpStatusCode: 500 } })],
    ['a 429', sdkError('SomethingNew', { $metadata: { httpStatusCode: 429 } })],
    ['a timeout', sdkError('TimeoutError', {})],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
  ])('%s is retryable', (_, error) => {
    expect(classifyError('publish', error)).toMatchObject({ kind: 'retryable', step: 'publish', findings: [] });
  });

  it.each([
    ['a conflict in the archive', new ArchiveConflictError('reports/a/2023/v1/report.pdf')],
    ['a 403', sdkError('AccessDenied', { $metadata: { httpStatusCode: 403 } })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a thrown string', 'boom'],
  ])('%s is failed, with a reason', (_, error) => {
    const failure = classifyError('render', error);
    expect(failure.kind).toBe('failed');
    expect(failure.reason).toMatch(/ArchiveConflictError: reports|AccessDenied: AccessDenied|ECONNREFUSED|^boom$/);
  });
});
