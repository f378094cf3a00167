/** The `touming` command: a tiny dispatcher over the command modules in ./commands. */
import { COMMANDS, type Command, type CommandIo } from './commands';
import { CliError, errorLine, EXIT } from './errors';

export function helpText(commands: Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    '透明 Touming — 政府信息公开工作年度报告工具',
    '',
    '用法：touming <命令> [参数]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '示例：',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    '退出码：0 成功；1 报告有校验错误；2 输入有误（文件不存在、为空、不是报告等）',
    '',
  ].join('\n');
}

const stdio: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function main(argv: string[], io: CommandIo = stdio): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new CliError(`未知命令 ${name}，运行 touming --help 查看可用命令`, `unknown command ${name}`);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`${command.usage}\n  ${command.summary}\n`);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    io.err(`${errorLine(error)}\n`);
    if (process.env.TOUMING_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.badInput;
  }
}
