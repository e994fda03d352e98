// What the editor's desk reads from the CMS's /nianbao admin routes (cms/src/nianbao/editor-desk.ts), as the panel
// uses it, and the report's field labels (generated from the format: report-format.json).
import reportFormat from '../nianbao/report-format.json';

export const reportUid = 'api::annual-report.annual-report';

export const fieldLabels = reportFormat.labels[reportUid] as Record<string, string>;

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  cells: string[];
  location?: string;
  line?: number;
  place?: string;
  message: { zh: string };
  key?: string;
  advice?: string;
}

export interface Cell {
  id: string;
  place: string;
  table: string;
  row: string;
  column: string;
  value: number | string | null;
}

export interface Acknowledgement {
  key: string;
  reason: string;
  by: string;
  at: string;
}

export interface CheckAnswer {
  problems: string[];
  acknowledgements: Acknowledgement[];
  check: { errors: number; warnings: number; findings: Finding[]; reasonZh?: string; cells: Cell[] } | null;
}

export interface Run {
  documentId: string;
  runId: string;
  phase: string;
  requestedBy?: string | null;
  changeNote?: string | null;
  version?: number | null;
  htmlUrl?: string | null;
  pdfUrl?: string | null;
  indexUrl?: string | null;
  reason?: string | null;
  findings?: Finding[] | null;
  handOverError?: string | null;
  handOverAttempts?: number | null;
  finishedAt?: string | null;
  createdAt: string;
}

export interface RunsAnswer {
  runs: Run[];
  may: { upload: boolean; acknowledge: boolean; retry: boolean };
}

export type UploadAnswer =
  { stored: true; agency: string; year: number } | { stored: false; reason: string; findings: Finding[] };
