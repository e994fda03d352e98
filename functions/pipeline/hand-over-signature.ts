// The hand-over's authentication: the CMS signs each request with a secret it shares with the pipeline (kept in
// Secrets Manager). HMAC-SHA256 over `${timestamp}.${body}`, hex, in `X-Nianbao-Signature: v1=<hex>`, with the Unix
// time in seconds in `X-Nianbao-Timestamp`; a request older or newer than the window is refused, so a captured
// request cannot be replayed later (and within the window a replay starts nothing new: the run id is idempotent).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../core/result';

export const signatureHeader = 'x-nianbao-signature';
export const timestampHeader = 'x-nianbao-timestamp';
/** How far the CMS's clock and the request's travel may be off, either way. */
export const replayWindowSeconds = 300;

const version = 'v1';

/** The header value for a body sent at `timestamp` (Unix seconds): what the CMS computes. */
export function signHandOver(secret: string, timestamp: number, body: string): string {
  return `${version}=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SignedRequest {
  /** Header names in lower case (an HTTP API gives them so). */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body exactly as received (decoded from base64 if it came so). */
  readonly body: string;
}

/** Why a request is refused; the caller answers 401 with it (it names no secret). */
export function verifyHandOver(request: SignedRequest, secret: string, nowSeconds: number): Result<void, string> {
  const signature = request.headers[signatureHeader];
  const timestamp = request.headers[timestampHeader];
  if (!signature) return fail(`missing ${signatureHeader} header`);
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return fail(`missing or malformed ${timestampHeader} header`);
  if (Math.abs(nowSeconds - Number(timestamp)) > replayWindowSeconds)
    return fail(`${timestampHeader} is more than ${replayWindowSeconds} s away from the pipeline's clock`);
  const given = Buffer.from(signature);
  const expected = Buffer.from(signHandOver(secret, Number(timestamp), request.body));
  // Constant time: the lengths are public (v1= and 64 hex digits), the bytes are not.
  const matches = expected.length === given.length && timingSafeEqual(expected, given);
  return matches ? ok(undefined) : fail('signature does not match');
}
