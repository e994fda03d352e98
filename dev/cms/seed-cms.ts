// The local CMS's example content: the sample's agency and its 2023 narrative as a draft, made once (an editor's
// later edits survive a restart). Publishing the draft in the admin is the approval that publishes it.
import type { Core } from '@strapi/strapi';
import type { NarrativeSource } from '../../functions/core/merge/merge-report';

interface Documents {
  findFirst(params: Record<string, unknown>): Promise<{ documentId: string } | null>;
  create(params: { data: Record<string, unknown> }): Promise<{ documentId: string }>;
}

const documents = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as never) as unknown as Documents;

/** The draft's document id. */
export async function seedSampleDraft(strapi: Core.Strapi, sample: NarrativeSource): Promise<string> {
  const agencies = documents(strapi, 'api::agency.agency');
  const agency =
    (await agencies.findFirst({ filters: { code: sample.agency.code } })) ??
    (await agencies.create({ data: { ...sample.agency, level: 'county', region: '山西省吕梁市' } }));
  const reports = documents(strapi, 'api::annual-report.annual-report');
  const existing = await reports.findFirst({
    filters: { year: sample.year, agency: { code: sample.agency.code } },
    status: 'draft',
  });
  if (existing) return existing.documentId;
  const draft = await reports.create({
    data: {
      ...sample.narrative,
      year: sample.year,
      ...(sample.title ? { title: sample.title } : {}),
      ...(sample.issuedOn ? { issuedOn: sample.issuedOn } : {}),
      agency: { connect: [{ documentId: agency.documentId }] },
    },
  });
  return draft.documentId;
}
