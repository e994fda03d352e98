// A report's saved draft with what its narrative is made of (narrative-source.ts): the agency and the overview's
// sections. Read the same way by the approval, the editor's desk and the preview.
import type { Core } from '@strapi/strapi';
import { reportUid } from './run-records';

export const readDraft = (strapi: Core.Strapi, documentId: string) =>
  strapi.documents(reportUid).findOne({ documentId, status: 'draft', populate: { agency: true, overview: true } });
