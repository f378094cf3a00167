/** exit codes of the touming command */
export const EXIT = { ok: 0, reportHasErrors: 1, badInput: 2 } as const;

/**
 * A failure the user caused and can fix (missing file, not a report, bad JSON): printed as one line in
 * Chinese and English, never with a stack trace.
 */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'CliError';
  }
}

export function errorLine(error: unknown): string {
  if (error instanceof CliError) return `错误：${error.zh} / Error: ${error.en}`;
  const message = error instanceof Error ? error.message : String(error);
  return `错误：程序内部错误（${message.split('\n')[0]}） / Error: internal error`;
}
