/** Every subcommand of `touming`. Adding a command is adding its module and one line here. */
import { checkCommand } from './check';
import { demoCommand } from './demo';
import { importCommand } from './import';
import { renderCommand } from './render';
import type { Command } from './types';

export const COMMANDS: Command[] = [
  checkCommand,
  importCommand,
  renderCommand,
  demoCommand,
];

export type { Command, CommandIo } from './types';
