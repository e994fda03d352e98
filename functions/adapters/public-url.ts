import type { PublishConfig } from './publish-config';

/** The public URL of an archive key: behind the CDN (or the local CDN server) the bucket's paths are the site's. */
export const publicUrl = (config: PublishConfig, key: string): string =>
  `${(config.publicBaseUrl ?? '').replace(/\/$/, '')}/${key}`;
