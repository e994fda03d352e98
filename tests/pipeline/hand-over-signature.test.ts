import { describe, expect, it } from 'vitest';
import {
  replayWindowSeconds,
  signatureHeader,
  signHandOver,
  timestampHeader,
  verifyHandOver,
} from '../../functions/pipeline/hand-over-signature';

const secret = 'shared-secret-of-the-cms';
const body = JSON.stringify({ run: { id: 'r1' }, narrative: { text: '年度报告' } });
const now = 1_764_600_000;
const signed = (overrides: Record<string, string | undefined> = {}, sentAt = now, key = secret) => ({
  headers: { [signatureHeader]: signHandOver(key, sentAt, body), [timestampHeader]: String(sentAt), ...overrides },
  body,
});

describe('hand-over signature', () => {
  it('accepts a request signed with the shared secret within the window', () => {
    expect(verifyHandOver(signed(), secret, now)).toEqual({ ok: true, value: undefined });
    expect(verifyHandOver(signed({}, now - replayWindowSeconds), secret, now).ok).toBe(true);
  });

  it('refuses another secret, another body, and a tampered signature', () => {
    expect(verifyHandOver(signed({}, now, 'another'), secret, now)).toEqual({
      ok: false,
      error: 'signature does not match',
    });
    expect(verifyHandOver({ ...signed(), body: body.replace('r1', 'r2') }, secret, now).ok).toBe(false);
    const tampered = signHandOver(secret, now, body).replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(verifyHandOver(signed({ [signatureHeader]: tampered }), secret, now).ok).toBe(false);
    expect(verifyHandOver(signed({ [signatureHeader]: 'v1=short' }), secret, now).ok).toBe(false);
  });

  it('refuses a stale or future timestamp even with a good signature (no replay later)', () => {
    const stale = verifyHandOver(signed({}, now - replayWindowSeconds - 1), secret, now);
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining(timestampHeader) });
    expect(verifyHandOver(signed({}, now + replayWindowSeconds + 1), secret, now).ok).toBe(false);
  });

  it('says which header is missing or malformed', () => {
    expect(verifyHandOver(signed({ [signatureHeader]: undefined }), secret, now)).toEqual({
      ok: false,
      error: `missing ${signatureHeader} header`,
    });
    expect(verifyHandOver(signed({ [timestampHeader]: undefined }), secret, now)).toMatchObject({
      error: expect.stringContaining(timestampHeader),
    });
    expect(verifyHandOver(signed({ [timestampHeader]: '12.5' }), secret, now).ok).toBe(false);
  });
});
