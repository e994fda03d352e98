// Configuration is read once, at start, and a missing secret stops the CMS naming the variable: no fallback values
// (a default secret in the source is a secret every installation shares).

export class MissingConfigurationError extends Error {
  override readonly name = 'MissingConfigurationError';
}

export function requiredEnv(name: string, hint = ''): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '')
    throw new MissingConfigurationError(
      `${name} is not set${hint ? `: ${hint}` : ''} (npm start generates local values)`,
    );
  return value;
}

/** A comma-separated list, e.g. APP_KEYS. */
export const requiredList = (name: string, hint = ''): string[] =>
  requiredEnv(name, hint)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export const envText = (name: string, fallback: string): string => process.env[name] || fallback;

export function envInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value))
    throw new MissingConfigurationError(`${name} must be an integer, not ${JSON.stringify(text)}`);
  return value;
}

export function envBool(name: string, fallback: boolean): boolean {
  const text = process.env[name];
  if (!text) return fallback;
  if (text !== 'true' && text !== 'false') throw new MissingConfigurationError(`${name} must be true or false`);
  return text === 'true';
}
