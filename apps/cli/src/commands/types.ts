import { parseArgs as nodeParseArgs } from 'node:util';
import { CliError } from '../errors';

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

/** what a command accepts: each option's name, whether it takes a value, and whether it may repeat */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

type OptionValues<S extends OptionSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? (S[K]['multiple'] extends true ? string[] : string) : boolean;
};

/**
 * Node's own `util.parseArgs` in strict mode (an unknown or malformed option is an error, not a silent
 * positional), with its English error turned into the CLI's one-line Chinese + English refusal.
 */
export function parseArgs<S extends OptionSpec>(args: string[], spec: S): { positional: string[]; options: OptionValues<S> } {
  try {
    const { values, positionals } = nodeParseArgs({ args, options: spec, allowPositionals: true, strict: true });
    return { positional: positionals, options: values as OptionValues<S> };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[-\w]+)/.exec(message)?.[1];
    throw new CliError(option ? `无法识别或缺少取值的选项 ${option}；运行 touming --help 查看用法` : `参数有误：${message}`, message);
  }
}
