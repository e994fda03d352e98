// nianbao: the command line. Each command lives in commands/ and registers itself here.
import { Command } from 'commander';
import { exitCodes } from './exit-codes';
import { registerMergeCommand } from './commands/merge';
import { registerValidateCommand } from './commands/validate';
import { registerStatsCommand } from './commands/stats';
import { registerPublishCommand } from './commands/publish';
import { registerRenderCommand } from './commands/render';

const program = new Command('nianbao')
  .description('政府信息公开工作年度报告: validate, merge, render and publish annual reports')
  .showHelpAfterError();

registerValidateCommand(program);
registerMergeCommand(program);
registerStatsCommand(program);
registerPublishCommand(program);
registerRenderCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures are handled by each command; anything else is a bug, reported in one line (stack with DEBUG=1).
  const e = error instanceof Error ? error : new Error(String(error));
  console.error(`nianbao: unexpected ${e.name}: ${e.message}`);
  if (process.env.DEBUG) console.error(e);
  process.exitCode = exitCodes.unexpected;
}
