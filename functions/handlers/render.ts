// Lambda: the render step (HTML and PDF by the bundled Chromium; fonts from the fonts layer, none from the
// system). One browser per warm function, reused across invocations.
import { ChromiumRenderer } from '../adapters/chromium-renderer';
import { stagingStore } from './lambda-ports';
import { render } from '../pipeline/pipeline-steps';
import { stepLambda } from './step-handler';

/** Optional: a running browser to use instead of launching one (local runs sharing one Chromium). */
const browserWSEndpoint = process.env.NIANBAO_CHROMIUM_WS_ENDPOINT;

export const handler = stepLambda(render, (config) => ({
  staging: () => stagingStore(config),
  // One document at a time: a Lambda invocation renders one report.
  renderer: () => new ChromiumRenderer({ concurrency: 1, ...(browserWSEndpoint ? { browserWSEndpoint } : {}) }),
}));
