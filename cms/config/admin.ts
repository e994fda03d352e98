import { previewPath } from '../src/nianbao/preview-link';
import { envBool, requiredEnv } from '../src/nianbao/required-env';

export default () => ({
  auth: { secret: requiredEnv('ADMIN_JWT_SECRET', 'signs admin logins') },
  apiToken: { salt: requiredEnv('API_TOKEN_SALT', 'hashes API tokens, e.g. the pipeline results token') },
  transfer: { token: { salt: requiredEnv('TRANSFER_TOKEN_SALT', 'hashes data-transfer tokens') } },
  secrets: { encryptionKey: requiredEnv('ENCRYPTION_KEY', 'encrypts stored token keys') },
  // Only tests turn it off (they log in many times a minute).
  rateLimit: { enabled: envBool('ADMIN_RATE_LIMIT', true) },
  serveAdminPanel: envBool('SERVE_ADMIN_PANEL', true),
  flags: { nps: false, promoteEE: false },
  // The draft preview beside the editor: a signed, short-lived link to the CMS's own preview page (preview-link.ts).
  preview: {
    enabled: true,
    config: {
      handler: (uid: string, { documentId }: { documentId: string }) =>
        uid === 'api::annual-report.annual-report' ? previewPath(documentId) : null,
    },
  },
});
