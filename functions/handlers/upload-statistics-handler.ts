// An editor's statistics upload over HTTP (POST /statistics): the CMS forwards the CSV of one report, signed like a
// hand-over; it is checked whole and stored only when all of it is right (upload-statistics.ts). 200 stored, 422
// refused with every problem, 400 when the request itself is wrong.
import { parseStatisticsUpload, uploadStatistics } from '../pipeline/upload-statistics';
import type { StatisticsRepository } from '../statistics/statistics-repository';
import { json, signedJsonRoute, type SignedRouteDeps } from './signed-request';

export type UploadStatisticsDeps = { readonly statistics: StatisticsRepository } & SignedRouteDeps;

export const createUploadStatisticsHandler = (deps: UploadStatisticsDeps) =>
  signedJsonRoute(deps, 'the statistics could not be stored', async (body) => {
    const upload = parseStatisticsUpload(body);
    if (!upload.ok) return json(400, { error: upload.error });
    const answer = await uploadStatistics(upload.value, deps.statistics);
    return json(answer.stored ? 200 : 422, { ...answer });
  });
