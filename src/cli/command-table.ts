/**
 * Every command of the CLI. To add one, write commands/NAME.ts exporting a Command and
 * list it here; `nnspec --help` and the dispatch in main.ts follow.
 */
import type { Command } from './command';
import { checkCommand } from './commands/check';
import { costCommand } from './commands/cost';
import { exportCommand } from './commands/export';
import { initCommand } from './commands/init';
import { predictCommand } from './commands/predict';
import { trainCommand } from './commands/train';
import { validateCommand } from './commands/validate';

export const COMMANDS: readonly Command[] = [validateCommand, trainCommand, checkCommand, costCommand, initCommand, predictCommand, exportCommand];
