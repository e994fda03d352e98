// The CMS's own code: the approval on publish, the roles, the editor's desk (the side panel's routes), the
// pipeline's results token and the hand-over retry.
import type { Core } from '@strapi/strapi';
import { approvalMiddleware } from './nianbao/approval';
import { registerEditorDesk } from './nianbao/editor-desk';
import { applyFieldLabels } from './nianbao/field-labels';
import { pipelineGateway } from './nianbao/pipeline-gateway';
import { envInt } from './nianbao/required-env';
import { ensureResultsToken } from './nianbao/results-token';
import { ensureRoles } from './nianbao/roles';
import { retryHandOvers } from './nianbao/run-records';

const retryJob = 'nianbaoHandOverRetry';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(approvalMiddleware(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    pipelineGateway(strapi); // fails the start, naming the variable, when there is no pipeline to reach
    await ensureRoles(strapi);
    await applyFieldLabels(strapi);
    registerEditorDesk(strapi);
    await ensureResultsToken(strapi);
    const seconds = envInt('NIANBAO_HAND_OVER_RETRY_SECONDS', 5);
    strapi.cron.add({
      [retryJob]: {
        task: async () => {
          // A failed round is logged and the next one tries again: a cron task must not throw.
          await retryHandOvers(strapi, seconds * 1000).catch((error: unknown) => {
            strapi.log.error(`hand-over retry: ${error instanceof Error ? error.message : String(error)}`);
          });
        },
        options: { rule: `*/${seconds} * * * * *` },
      },
    });
  },

  destroy({ strapi }: { strapi: Core.Strapi }) {
    // No round may start against a database that is going away.
    strapi.cron.remove(retryJob);
  },
};
