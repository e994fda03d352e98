import { envInt, envText, requiredList } from '../src/nianbao/required-env';

export default () => ({
  host: envText('HOST', '127.0.0.1'),
  port: envInt('PORT', 1337),
  // The URL editors reach the CMS at (links in the admin, the preview); empty: relative.
  url: envText('PUBLIC_URL', ''),
  app: { keys: requiredList('APP_KEYS', 'comma-separated random keys that sign the CMS session cookies') },
  // No call to the registry at start: the machines it runs on may have no internet.
  logger: { updates: { enabled: false }, startup: { enabled: false } },
  cron: { enabled: true },
});
