/**
 * A password for the CLI, never from its command line (arguments stay in the shell history and are
 * visible to every user in the process list):
 * - TOUMING_PASSWORD, for scripts that keep it in a protected environment (CI secrets, a Job's Secret);
 * - else, on a terminal, typed at a prompt without echo, twice;
 * - else the first line of standard input (`printf '%s\n' "$PW" | touming users create …`).
 */
import { CliError } from './errors';

/** the first line of a non-interactive stdin */
async function firstLineOfStdin(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(Buffer.from(chunk));
    if (chunks.reduce((n, c) => n + c.length, 0) > 64 * 1024) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/** one line typed at the terminal without echo (raw mode); Ctrl-C aborts */
function typedSecretly(prompt: string, stdin: NodeJS.ReadStream, out: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    out.write(prompt);
    let value = '';
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stdin.removeListener('data', onData);
      out.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (text: string) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new CliError('已取消', 'cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readNewPassword(env: NodeJS.ProcessEnv = process.env, stdin: NodeJS.ReadStream = process.stdin, out: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (env.TOUMING_PASSWORD) return env.TOUMING_PASSWORD;
  if (!stdin.isTTY) {
    const line = await firstLineOfStdin(stdin);
    if (!line) throw new CliError('没有读到密码：请在提示时输入，或从标准输入传入一行密码，或设置环境变量 TOUMING_PASSWORD', 'no password on stdin');
    return line;
  }
  const first = await typedSecretly('新密码（输入时不显示）：', stdin, out);
  const second = await typedSecretly('再次输入新密码：', stdin, out);
  if (first !== second) throw new CliError('两次输入的密码不一致', 'passwords do not match');
  return first;
}
