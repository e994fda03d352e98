// The admin names each field as the report does (引言, 五、存在的主要问题及改进情况, …): labels generated from the
// format into report-format.json, applied to the content manager's view configuration at every start.
import type { Core } from '@strapi/strapi';
import reportFormat from './report-format.json';

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}

interface ViewConfiguration {
  metadatas?: Record<string, Metadata>;
  settings?: Record<string, unknown>;
  layouts?: unknown;
}

interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<ViewConfiguration>;
  updateConfiguration(model: { uid: string }, configuration: ViewConfiguration): Promise<unknown>;
}

export async function applyFieldLabels(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, labels] of Object.entries(reportFormat.labels)) {
    const service: ConfigurationService = contentManager.service(uid.includes('::') ? 'content-types' : 'components');
    const configuration = await service.findConfiguration({ uid });
    const metadatas = { ...configuration.metadatas };
    for (const [field, label] of Object.entries(labels as Record<string, string>)) {
      const current = metadatas[field] ?? {};
      metadatas[field] = { ...current, edit: { ...current.edit, label }, list: { ...current.list, label } };
    }
    await service.updateConfiguration({ uid }, { ...configuration, metadatas });
  }
}
