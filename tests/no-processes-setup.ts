// vitest setup file of the unit project: a unit test starts no child process and opens no server. One that needs
// them is named *.integration.test.ts (it then runs with dynalite, s3rver and Chromium, and no such guard).
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const refuse = (what: string) => () => {
  throw new Error(`a unit test may not ${what}: name the test file *.integration.test.ts`);
};

const spawners = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
for (const name of spawners) Object.assign(childProcess, { [name]: refuse(`start a child process (${name})`) });
net.Server.prototype.listen = refuse('open a server (listen)');
// `import { spawn } from 'node:child_process'` reads the patched functions too.
syncBuiltinESMExports();
