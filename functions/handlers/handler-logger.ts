// Structured JSON logs (Powertools Logger): one logger per function, the run id on every line of an invocation.
import { Logger } from '@aws-lambda-powertools/logger';

/** Service name from POWERTOOLS_SERVICE_NAME (the stack sets it per function), level from POWERTOOLS_LOG_LEVEL. */
export const logger = new Logger({ serviceName: 'nianbao' });

/** Runs `work` with `runId` on every line it logs; a warm function's next invocation starts clean. */
export async function withRunId<T>(runId: string | undefined, work: () => Promise<T>): Promise<T> {
  logger.appendKeys({ runId });
  try {
    return await work();
  } finally {
    logger.removeKeys(['runId']);
  }
}
