// The CMS's content types and the format agree: the committed schema files are exactly what the format's editable
// fields generate (a field added to either alone fails here), and every narrative field has its attribute.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { agencyFieldDefinitions, narrativeFieldDefinitions } from '../../functions/core/format/editable-fields';
import { cmsSchemas } from '../../scripts/cms-schemas';

const committed = async (path: string) =>
  JSON.parse(await readFile(new URL(`../../cms/${path}`, import.meta.url), 'utf8')) as unknown;

describe('the CMS content types', () => {
  it.each(Object.entries(cmsSchemas()))(
    'cms/%s is what the format generates (npm run build:cms-schemas)',
    async (path, schema) => {
      expect(await committed(path)).toEqual(schema);
    },
  );

  it('give the annual report every narrative field and the agency every field of the report document', async () => {
    const report = (await committed('src/api/annual-report/content-types/annual-report/schema.json')) as {
      attributes: Record<string, unknown>;
    };
    const agency = (await committed('src/api/agency/content-types/agency/schema.json')) as {
      attributes: Record<string, unknown>;
    };
    expect(Object.keys(report.attributes)).toEqual(expect.arrayContaining(Object.keys(narrativeFieldDefinitions)));
    expect(Object.keys(agency.attributes)).toEqual(expect.arrayContaining(Object.keys(agencyFieldDefinitions)));
  });
});
