// The publish guarantees against real dynalite and s3rver: conditional writes, HeadObject checks, the public view.
import { beforeAll, describe } from 'vitest';
import { publishScenarios, type ScenarioPorts } from '../publish/publish-scenarios';
import { localAwsStores, uniqueAgency } from './local-aws';

describe('publishVersion and updatePublicView (dynalite + s3rver)', () => {
  let ports: ScenarioPorts;
  beforeAll(async () => {
    ports = await localAwsStores('publish');
  });
  publishScenarios(() => ports, uniqueAgency);
});
