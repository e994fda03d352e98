// The admin panel's additions: the editor's desk beside every annual report's edit view (editor-desk-panel.tsx).
import type { StrapiApp } from '@strapi/strapi/admin';
import { EditorDeskPanel } from './editor-desk-panel';

export default {
  config: { locales: ['zh-Hans'] },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel(panels: unknown[]): void };
    };
    contentManager.apis.addEditViewSidePanel([EditorDeskPanel]);
  },
};
