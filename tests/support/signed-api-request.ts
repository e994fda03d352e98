// A pipeline API request as API Gateway (HTTP API, payload 2.0) hands it to a route's function, signed like the CMS
// signs it (or not, or with the body base64-encoded as a binary body arrives).
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signatureHeader, signHandOver, timestampHeader } from '../../functions/pipeline/hand-over-signature';

export function signedApiRequest(
  secret: string,
  nowSeconds: number,
  body: string,
  { sign = true, base64 = false } = {},
): APIGatewayProxyEventV2 {
  return {
    body: base64 ? Buffer.from(body, 'latin1').toString('base64') : body,
    isBase64Encoded: base64,
    headers: sign
      ? { [timestampHeader]: String(nowSeconds), [signatureHeader]: signHandOver(secret, nowSeconds, body) }
      : {},
    requestContext: { http: { method: 'POST' } },
  } as unknown as APIGatewayProxyEventV2;
}
