// The pipeline API's gate, shared by its routes (POST /runs, POST /checks): POST only, a bounded body, the shared
// secret's signature (hand-over-signature.ts), JSON. What fails is answered here, with a JSON error and no stack.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { fail, ok, type Result } from '../core/result';
import { maxHandOverBytes } from '../pipeline/hand-over';
import { verifyHandOver } from '../pipeline/hand-over-signature';
import { classifyError } from '../pipeline/step-failure';
import { logger } from './handler-logger';

export type ApiResponse = APIGatewayProxyStructuredResultV2;

export const json = (
  statusCode: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): ApiResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

const lowerCaseHeaders = (headers: APIGatewayProxyEventV2['headers']) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** The request's JSON body, once it is a signed POST of at most maxHandOverBytes; else the answer to give. */
function readSignedJson(
  event: APIGatewayProxyEventV2,
  secret: string,
  nowSeconds: number,
): Result<unknown, ApiResponse> {
  if (event.requestContext.http.method !== 'POST') return fail(json(405, { error: 'POST only' }, { allow: 'POST' }));
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxHandOverBytes)
    return fail(json(413, { error: `the body is ${bytes.length} bytes, over ${maxHandOverBytes}` }));
  const body = bytes.toString('utf8');
  const verified = verifyHandOver({ headers: lowerCaseHeaders(event.headers), body }, secret, nowSeconds);
  if (!verified.ok) {
    logger.warn('request refused', { reason: verified.error });
    return fail(json(401, { error: verified.error }));
  }
  try {
    return ok(JSON.parse(body) as unknown);
  } catch {
    return fail(json(400, { error: 'the body is not JSON' }));
  }
}

/**
 * The answer to an unexpected error: 503 with Retry-After when the service was busy (retrying helps), else 500 with
 * `failure` (what could not be done). Never a stack trace to the caller: the log has it.
 */
function errorAnswer(error: unknown, failure: string): ApiResponse {
  logger.error(failure, { error });
  return classifyError('assemble', error).kind === 'retryable'
    ? json(503, { error: 'busy: try again' }, { 'retry-after': '5' })
    : json(500, { error: failure });
}

export interface SignedRouteDeps {
  /** The shared secret's current value. */
  readonly secret: () => Promise<string>;
  readonly nowMs?: () => number;
}

/**
 * A route of the pipeline API: the gate above, then `answer` with the request's JSON; an unexpected error gets
 * errorAnswer with `failure`.
 */
export function signedJsonRoute(
  deps: SignedRouteDeps,
  failure: string,
  answer: (body: unknown) => Promise<ApiResponse>,
): (event: APIGatewayProxyEventV2) => Promise<ApiResponse> {
  const nowMs = deps.nowMs ?? Date.now;
  return async (event) => {
    try {
      const parsed = readSignedJson(event, await deps.secret(), Math.floor(nowMs() / 1000));
      return parsed.ok ? await answer(parsed.value) : parsed.error;
    } catch (error) {
      return errorAnswer(error, failure);
    }
  };
}
