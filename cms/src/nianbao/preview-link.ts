// Preview links: the admin shows a draft in an iframe at a URL its preview handler returns, and that URL's route is
// open (an iframe carries no admin token). So the link carries its own proof: an HMAC over the document id and an
// expiry, keyed from ADMIN_JWT_SECRET; it opens that draft only, for a quarter of an hour.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { requiredEnv } from './required-env';

export const previewLifetimeSeconds = 15 * 60;
export const previewRoute = '/api/nianbao/preview';

const key = () => createHmac('sha256', requiredEnv('ADMIN_JWT_SECRET')).update('nianbao preview links').digest();

export const previewSignature = (documentId: string, expires: number): string =>
  createHmac('sha256', key()).update(`${documentId}.${expires}`).digest('hex');

export function previewPath(documentId: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const expires = nowSeconds + previewLifetimeSeconds;
  const signature = previewSignature(documentId, expires);
  return `${previewRoute}/${encodeURIComponent(documentId)}?expires=${expires}&signature=${signature}`;
}

/** Why a link does not open its draft, or undefined when it does. */
export function previewLinkProblem(
  documentId: string,
  expires: unknown,
  signature: unknown,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | undefined {
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string')
    return '预览链接不完整';
  const expected = Buffer.from(previewSignature(documentId, Number(expires)), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '预览链接无效';
  if (Number(expires) < nowSeconds) return '预览链接已过期，请在编辑页重新打开预览';
  return undefined;
}
