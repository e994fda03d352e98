// The archive site as a deployment configures it: the agencies' placement (the CMS's records when wired), the
// self-hosted fonts, and the public base URL the feed's links are absolute to.
import { unconfiguredBaseUrl, unknownAgencies, type SiteSettings } from '../publish/site/site-settings';
import type { PublishConfig } from './publish-config';
import { siteFonts } from './site-fonts';

export const siteSettings = (config: PublishConfig, agencies = unknownAgencies): SiteSettings => ({
  agencies,
  fonts: siteFonts,
  baseUrl: config.publicBaseUrl ?? unconfiguredBaseUrl,
  root: '',
});
