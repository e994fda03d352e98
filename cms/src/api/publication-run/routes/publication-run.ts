import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::publication-run.publication-run');
