// manifest.json: what one version contains, with each file's SHA-256, so anyone can verify a download.
import type { TemplateId } from '../core/format/table-definition';
import type { ValidationSummary } from './validation-summary';

export const manifestFormat = 'nianbao/manifest@1';

export interface ArchiveFile {
  readonly name: string;
  readonly type: string;
  readonly body: Uint8Array;
}

export interface ManifestEntry {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly type: string;
}

export interface Manifest {
  readonly format: typeof manifestFormat;
  readonly agency: string;
  readonly year: number;
  readonly template: TemplateId;
  readonly title: string;
  readonly version: number;
  readonly publishedAt: string;
  /** The version this one replaces, null for the first. */
  readonly supersedes: number | null;
  /** 更正说明: why this version replaces the previous one. */
  readonly changeNote: string | null;
  readonly approver: string | null;
  readonly inputHash: string;
  readonly validation: ValidationSummary;
  readonly files: readonly ManifestEntry[];
}

export interface ManifestInput extends Omit<Manifest, 'format' | 'supersedes' | 'files'> {
  readonly files: readonly ManifestEntry[];
}

export function buildManifest(input: ManifestInput): Manifest {
  return {
    format: manifestFormat,
    ...input,
    supersedes: input.version > 1 ? input.version - 1 : null,
    files: [...input.files].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

export const encodeJson = (value: unknown): Uint8Array =>
  new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
