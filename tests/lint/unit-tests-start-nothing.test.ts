// The unit project's guard (tests/no-processes-setup.ts): a test that starts a process or a server under a unit
// name fails with what to do, instead of slowing every quick run down.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { expect, it } from 'vitest';

it('refuses child processes and servers in a unit test, naming the convention', () => {
  expect(() => spawn(process.execPath, ['--version'])).toThrow(/\*\.integration\.test\.ts/);
  expect(() => execFileSync(process.execPath, ['--version'])).toThrow(/child process \(execFileSync\)/);
  expect(() => createServer().listen(0)).toThrow(/open a server/);
});
