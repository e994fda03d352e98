// Run records: one per approval, kept in their own collection (never on the report: a write-back there would
// publish it again). Created in the publish's transaction, so a committed approval always has its record; the
// hand-over happens after commit and is retried from the record until the pipeline has it, so no approval is lost.
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { NarrativeJson } from './narrative-source';
import type { Acknowledgement, Finding, HandOverMessage } from './pipeline-contract';
import { pipelineGateway } from './pipeline-gateway';

export const reportUid = 'api::annual-report.annual-report';
export const runUid = 'api::publication-run.publication-run';

/** A publication-run entry, as this code reads and writes it. */
export interface RunRecord {
  readonly documentId: string;
  readonly runId: string;
  readonly phase: string;
  readonly requestedBy?: string | null;
  readonly changeNote?: string | null;
  readonly approvalWarnings?: readonly Finding[] | null;
  readonly acknowledgements?: readonly Acknowledgement[] | null;
  /** Set on a failed run once it was retried: the run id of the retry (a run is retried once). */
  readonly retriedAs?: string | null;
  readonly handOver?: HandOverMessage | null;
  readonly handedOverAt?: string | null;
  readonly handOverAttempts?: number | null;
}

/** The document service of run records, typed by hand (Strapi's generated types are not built here). */
interface RunRecords {
  create(params: { data: Record<string, unknown> }): Promise<RunRecord>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<RunRecord>;
  findOne(params: { documentId: string }): Promise<RunRecord | null>;
  findMany(params: Record<string, unknown>): Promise<RunRecord[]>;
}

export const runRecords = (strapi: Core.Strapi) => strapi.documents(runUid) as unknown as RunRecords;

export interface Approval {
  readonly documentId: string;
  readonly narrative: NarrativeJson;
  readonly approver: string | null;
  readonly changeNote: string | null;
  readonly warnings: readonly Finding[];
  /** The approver's reasons for publishing over the warnings (each warning has one). */
  readonly acknowledgements: readonly Acknowledgement[];
}

/** Records the approved run (phase requested) with the message that hands it over; returns the record's id. */
export async function recordRun(strapi: Core.Strapi, approval: Approval): Promise<string> {
  const { documentId, narrative, approver, changeNote, warnings, acknowledgements } = approval;
  const runs = runRecords(strapi);
  const record = await runs.create({
    data: {
      runId: randomUUID(),
      report: { connect: [{ documentId }] },
      agencyCode: narrative.agency.code,
      year: narrative.year,
      phase: 'requested',
      requestedBy: approver,
      changeNote,
      approvalWarnings: warnings,
      acknowledgements,
    },
  });
  const message: HandOverMessage = {
    run: {
      id: record.runId,
      source: { kind: 'cms', documentId, runRecordId: record.documentId },
      request: {
        agency: narrative.agency.code,
        year: narrative.year,
        changeNote,
        approver,
        ...(acknowledgements.length > 0 ? { acknowledgements } : {}),
      },
    },
    narrative,
  };
  await runs.update({ documentId: record.documentId, data: { handOver: message } });
  return record.documentId;
}

/** Gives the pipeline a recorded run; false when it could not (the retry job tries again). */
export async function handOverRun(strapi: Core.Strapi, recordId: string): Promise<boolean> {
  const runs = runRecords(strapi);
  const record = await runs.findOne({ documentId: recordId });
  if (!record?.handOver || record.handedOverAt) return true;
  const attempts = (record.handOverAttempts ?? 0) + 1;
  try {
    await pipelineGateway(strapi).handOver(record.handOver);
    await runs.update({
      documentId: recordId,
      data: { handedOverAt: new Date().toISOString(), handOverAttempts: attempts, handOverError: null },
    });
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    strapi.log.warn(`run ${record.runId}: hand-over attempt ${attempts} failed, will retry: ${reason}`);
    await runs.update({ documentId: recordId, data: { handOverAttempts: attempts, handOverError: reason } });
    return false;
  }
}

let retrying = false;

/** Hands over every recorded run the pipeline does not have yet (after a crash, or while it was down). */
export async function retryHandOvers(strapi: Core.Strapi, olderThanMs: number): Promise<number> {
  if (retrying) return 0;
  retrying = true;
  try {
    const pending = await runRecords(strapi).findMany({
      filters: { handedOverAt: { $null: true }, createdAt: { $lt: new Date(Date.now() - olderThanMs).toISOString() } },
      sort: 'createdAt:asc',
      limit: 100,
    });
    let handed = 0;
    for (const record of pending) if (await handOverRun(strapi, record.documentId)) handed++;
    return handed;
  } finally {
    retrying = false;
  }
}

export class RunNotRetryableError extends Error {
  override readonly name = 'RunNotRetryableError';
}

/**
 * A failed run again, as approved: a new run (its own id: the failed one's execution name is taken) with the same
 * narrative, change note and acknowledgements, recorded and handed over like an approval. Returns the new record.
 */
export async function retryRun(strapi: Core.Strapi, recordId: string, retriedBy: string | null): Promise<string> {
  const failed = await runRecords(strapi).findOne({ documentId: recordId });
  if (!failed?.handOver || failed.phase !== 'failed' || failed.retriedAs)
    throw new RunNotRetryableError(`run record ${recordId} is not a failed run, or was retried already`);
  const { run, narrative } = failed.handOver;
  const retried = await recordRun(strapi, {
    documentId: run.source.documentId,
    narrative,
    approver: retriedBy ?? run.request.approver,
    changeNote: run.request.changeNote,
    warnings: failed.approvalWarnings ?? [],
    acknowledgements: run.request.acknowledgements ?? [],
  });
  const retry = await runRecords(strapi).findOne({ documentId: retried });
  await runRecords(strapi).update({ documentId: recordId, data: { retriedAs: retry?.runId ?? retried } });
  await handOverRun(strapi, retried);
  return retried;
}
