// Every exit code the CLI uses, in one place (the README's table is written from this).
export const exitCodes = {
  /** Done: valid, rendered, imported or published (warnings allowed). */
  ok: 0,
  /** The input was read but refused: validation errors, a bad identifier, a limit passed. Nothing was written. */
  invalid: 1,
  /** The input could not be read: missing file, not JSON, not UTF-8, a folder that cannot be written. */
  unreadable: 2,
  /** A step that depends on this machine failed (the browser, the file system); the input may be fine. */
  failed: 3,
  /** A bug: an error nobody expected. One line on stderr (the stack with DEBUG=1). */
  unexpected: 70,
} as const;
