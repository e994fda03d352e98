// The report's Handlebars templates, loaded from their precompiled form with the runtime only (no compiler
// in the page path: editor text is data, never a template).
import Handlebars from 'handlebars/runtime';
import * as precompiled from '../../templates/precompiled/report-templates';

const handlebars = Handlebars.create();
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
for (const [name, spec] of Object.entries(precompiled.partials)) {
  handlebars.registerPartial(name, handlebars.template(spec));
}

export const reportTemplate = handlebars.template(precompiled.report);
export const reportCss: string = precompiled.css;
export const draftCss: string = precompiled.draftCss;
