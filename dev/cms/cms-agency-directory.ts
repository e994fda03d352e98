// Where an agency sits, from the CMS's Agency records (level as the format names it, region, parent), for the
// archive's home page. Locally the pipeline shares the process with the CMS and reads them directly.
import type { Core } from '@strapi/strapi';
import { agencyLevels } from '../../functions/core/format/editable-fields';
import type { AgencyDirectory } from '../../functions/publish/site/site-settings';

interface AgencyEntry {
  readonly level?: keyof typeof agencyLevels | null;
  readonly region?: string | null;
  readonly parent?: { readonly code: string } | null;
}

/** `cms()` is the running CMS, or undefined before it has started (then nothing is known yet). */
export function cmsAgencyDirectory(cms: () => Core.Strapi | undefined): AgencyDirectory {
  return {
    async get(code) {
      const strapi = cms();
      if (!strapi) return undefined;
      const entry = (await strapi
        .documents('api::agency.agency' as never)
        .findFirst({ filters: { code }, populate: { parent: true } } as never)) as AgencyEntry | null;
      if (!entry?.level || !entry.region) return undefined;
      return {
        level: agencyLevels[entry.level],
        region: entry.region,
        ...(entry.parent ? { parent: entry.parent.code } : {}),
      };
    },
  };
}
