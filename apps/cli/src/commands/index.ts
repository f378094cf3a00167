/** Every subcommand of `touming`. Adding a command is adding its module and one line here. */
import { auditCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { checkCommand } from './check';
import { compareCommand } from './compare';
import { demoCommand } from './demo';
import { importCommand } from './import';
import { migrateCommand } from './migrate';
import { regionsCommand, totalsCommand } from './regions';
import { renderCommand } from './render';
import type { Command } from './types';
import { usersCommand } from './users';

export const COMMANDS: Command[] = [
  checkCommand,
  importCommand,
  renderCommand,
  compareCommand,
  demoCommand,
  migrateCommand,
  usersCommand,
  regionsCommand,
  totalsCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
];

export type { Command, CommandIo } from './types';
