// Runs CLI commands in-process (vitest cannot see into a child process): exit code and what was printed.
import { Command } from 'commander';
import { vi } from 'vitest';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A CLI with the commands `register` adds; each call parses `args` as `nianbao …` would. */
export function inProcessCli(register: (program: Command) => void): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    const program = new Command('nianbao').exitOverride();
    register(program);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
    process.exitCode = undefined;
    try {
      await program.parseAsync(['node', 'nianbao', ...args]);
      const code = process.exitCode as number | string | undefined;
      return { code: Number(code ?? 0), stdout: stdout.join('\n'), stderr: stderr.join('\n') };
    } finally {
      process.exitCode = undefined;
      log.mockRestore();
      error.mockRestore();
    }
  };
}
