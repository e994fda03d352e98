// The site's heavy libraries (pinyin-pro for the search index, ECharts for the year charts, ≈ 1 MB in a bundle) are
// loaded with Node's require, not bundled: on Lambda they come from the site-libraries layer, which Node finds through
// NODE_PATH (/opt/nodejs/node_modules); in development and tests from node_modules. pinyin-pro loads its CommonJS
// build. ECharts has no CommonJS build but its full one, so its ES modules are required (Node ≥ 20.19 and 22.12 load
// them synchronously): its core and, not its barrels (every chart type and component: ≈ 500 files, twice the time to
// load), the modules that the barrels' BarChart, GridComponent, LegendComponent and SVGRenderer are. The same modules
// as a bundle held, so the same charts.
import { createRequire } from 'node:module';
import type * as EChartsCharts from 'echarts/charts';
import type * as EChartsComponents from 'echarts/components';
import type * as EChartsCore from 'echarts/core';
import type * as EChartsRenderers from 'echarts/renderers';
import type * as PinyinPro from 'pinyin-pro';

const load = createRequire(import.meta.url);

/** Every module the site requires: what the layer must hold (infra/function-bundles.ts copies their files). */
export const siteLibraries = [
  'pinyin-pro',
  'echarts/core',
  'echarts/lib/chart/bar/install.js',
  'echarts/lib/component/grid/install.js',
  'echarts/lib/component/legend/install.js',
  'echarts/lib/renderer/installSVGRenderer.js',
] as const;

/** What each library is, as its types say. */
interface SiteLibraryModules {
  'pinyin-pro': typeof PinyinPro;
  'echarts/core': typeof EChartsCore;
  // Untyped modules: each exports the `install` its barrel re-exports under the name typed here.
  'echarts/lib/chart/bar/install.js': { install: typeof EChartsCharts.BarChart };
  'echarts/lib/component/grid/install.js': { install: typeof EChartsComponents.GridComponent };
  'echarts/lib/component/legend/install.js': { install: typeof EChartsComponents.LegendComponent };
  'echarts/lib/renderer/installSVGRenderer.js': { install: typeof EChartsRenderers.SVGRenderer };
}

const required = <N extends (typeof siteLibraries)[number]>(name: N) => load(name) as SiteLibraryModules[N];

/** Loaded on first use (Node caches it): a function that never builds the site's pages never needs the layer. */
export const pinyinPro = () => required('pinyin-pro');

/** ECharts' core and the parts the year charts use, to register with `use`. */
export const echartsModules = () => ({
  core: required('echarts/core'),
  parts: [
    required('echarts/lib/chart/bar/install.js').install,
    required('echarts/lib/component/grid/install.js').install,
    required('echarts/lib/component/legend/install.js').install,
    required('echarts/lib/renderer/installSVGRenderer.js').install,
  ],
});
