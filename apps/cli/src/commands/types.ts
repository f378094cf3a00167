/** A subcommand of `touming`. Commands are modules in this folder, registered in ./index.ts. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  name: string;
  /** one line of Chinese for `touming --help` */
  summary: string;
  /** usage line(s), e.g. "touming check <文件>" */
  usage: string;
  /** returns the exit code */
  run(args: string[], io: CommandIo): Promise<number> | number;
}

/** split `--flag value`, `--flag=value` and bare `--switch` options from positional arguments */
export function parseArgs(args: string[], valued: string[] = []): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options[name] = inline;
    else if (valued.includes(name) && i + 1 < args.length) options[name] = args[++i];
    else options[name] = true;
  }
  return { positional, options };
}
