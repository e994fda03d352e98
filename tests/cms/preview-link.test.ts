// Preview links open the draft they were signed for, until they expire; anything else is refused with a reason.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  previewLifetimeSeconds,
  previewLinkProblem,
  previewPath,
  previewRoute,
} from '../../cms/src/nianbao/preview-link';

const now = 1_764_600_000;

beforeEach(() => vi.stubEnv('ADMIN_JWT_SECRET', 'a-secret'));
afterEach(() => vi.unstubAllEnvs());

function parts(path: string) {
  const url = new URL(path, 'http://cms.local');
  return {
    documentId: decodeURIComponent(url.pathname.slice(previewRoute.length + 1)),
    expires: url.searchParams.get('expires') ?? undefined,
    signature: url.searchParams.get('signature') ?? undefined,
  };
}

describe('preview links', () => {
  it('open their own draft until they expire', () => {
    const { documentId, expires, signature } = parts(previewPath('abc123', now));
    expect(documentId).toBe('abc123');
    expect(previewLinkProblem(documentId, expires, signature, now)).toBeUndefined();
    expect(previewLinkProblem(documentId, expires, signature, now + previewLifetimeSeconds)).toBeUndefined();
    expect(previewLinkProblem(documentId, expires, signature, now + previewLifetimeSeconds + 1)).toMatch(/已过期/);
  });

  it('refuse another draft, a moved expiry, another secret, and malformed or traversal input', () => {
    const { expires, signature } = parts(previewPath('abc123', now));
    expect(previewLinkProblem('other1', expires, signature, now)).toBe('预览链接无效');
    expect(previewLinkProblem('../../admin', expires, signature, now)).toBe('预览链接无效');
    expect(previewLinkProblem('abc123', String(Number(expires) + 3600), signature, now)).toBe('预览链接无效');
    expect(previewLinkProblem('abc123', expires, undefined, now)).toBe('预览链接不完整');
    expect(previewLinkProblem('abc123', '1e9', signature, now)).toBe('预览链接不完整');
    expect(previewLinkProblem('abc123', expires, 'zz'.repeat(32), now)).toBe('预览链接无效');
    expect(previewLinkProblem('abc123', expires, `${signature}00`, now)).toBe('预览链接无效');
    expect(previewLinkProblem('abc123', expires, ['a', 'b'], now)).toBe('预览链接不完整');
    vi.stubEnv('ADMIN_JWT_SECRET', 'another-secret');
    expect(previewLinkProblem('abc123', expires, signature, now)).toBe('预览链接无效');
  });
});
