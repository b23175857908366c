import type { Command } from './command.js';
import { backtestCommand } from './backtest.js';
import { explainCommand } from './explain.js';
import { generateCommand } from './generate.js';
import { scoreCommand } from './score.js';
import { trainCommand } from './train.js';

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [trainCommand, scoreCommand, explainCommand, backtestCommand, generateCommand];
