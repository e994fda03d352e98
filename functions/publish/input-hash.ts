// The identity of a publish: the hash of its inputs. Identical inputs give the same version instead of a new one.
import { createHash } from 'node:crypto';

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** JSON with object keys sorted at every level, so the same document always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The report document is the whole input (narrative + statistics + template); the change note is not:
 * re-publishing the same content with a different note is still the same version.
 */
export const inputHash = (report: unknown): string => sha256Hex(canonicalJson(report));
