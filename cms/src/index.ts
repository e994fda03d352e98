// The CMS's own code: the approval on publish, the roles, the pipeline's results token and the hand-over retry.
import type { Core } from '@strapi/strapi';
import { approvalMiddleware } from './nianbao/approval';
import { envInt } from './nianbao/required-env';
import { ensureResultsToken } from './nianbao/results-token';
import { ensureRoles } from './nianbao/roles';
import { retryHandOvers } from './nianbao/run-records';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(approvalMiddleware(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureRoles(strapi);
    await ensureResultsToken(strapi);
    const seconds = envInt('NIANBAO_HAND_OVER_RETRY_SECONDS', 5);
    strapi.cron.add({
      nianbaoHandOverRetry: {
        task: async () => {
          await retryHandOvers(strapi, seconds * 1000);
        },
        options: { rule: `*/${seconds} * * * * *` },
      },
    });
  },
};
