import { AGENCY_KINDS, isAgencyKind, passwordProblem } from '@touming/domain';
import { CliError, EXIT } from '../errors';
import { readNewPassword } from '../secret-input';
import { loadApi, openDatabase } from './database';
import { parseArgs, type Command } from './types';

const USAGE = [
  'touming users create --username <用户名> --name <姓名> --agency <单位代码> --role <角色> [--role <角色> …]',
  '      [--agency-name <单位名称> --agency-kind COUNTY_OFFICE]   （单位不存在时一并创建）',
  '      密码在提示时输入（不显示）；脚本中从标准输入传入一行，或设置环境变量 TOUMING_PASSWORD',
].join('\n');

function required(options: Partial<Record<string, string | string[] | boolean>>, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || !value.trim()) throw new CliError(`缺少 --${name}`, `missing --${name}`);
  return value;
}

/** the message of an API error (GraphQLError with a Chinese message) as a CLI error */
function asCliError(error: unknown): never {
  const e = error as { extensions?: { code?: string }; message?: string };
  if (e?.extensions?.code) throw new CliError(e.message ?? '操作失败', `${e.extensions.code}`);
  throw error;
}

export const usersCommand: Command = {
  name: 'users',
  summary: '用户管理：创建用户（例如生产环境的第一个县政务公开办管理员）',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'create') throw new CliError(`未知的子命令 ${sub ?? ''}；用法：${USAGE}`, 'usage: touming users create …');
    const { options } = parseArgs(rest, {
      username: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      password: { type: 'string' },
      'agency-name': { type: 'string' },
      'agency-kind': { type: 'string' },
      role: { type: 'string', multiple: true },
    });
    const username = required(options, 'username');
    const displayName = required(options, 'name');
    const agencyCode = required(options, 'agency');
    if (options.password !== undefined) {
      throw new CliError(
        '不接受命令行中的密码（会留在 shell 历史和进程列表中）：请在提示时输入，或从标准输入传入一行，或设置环境变量 TOUMING_PASSWORD',
        '--password is not accepted: type it at the prompt, pipe it on stdin or set TOUMING_PASSWORD',
      );
    }
    const roles = (options.role ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    if (!roles.length) throw new CliError('至少需要一个 --role', 'at least one --role is required');
    const password = await readNewPassword();
    // the domain's password policy, before the database is opened (the API checks it again)
    const problem = passwordProblem(password, { username, displayName });
    if (problem) throw new CliError(problem, 'password does not meet the policy');

    const api = await loadApi();
    const { dataSource, where } = await openDatabase(api, { requireMigrated: true });
    try {
      const user = await api
        .withTransaction(api.systemContext(dataSource, 'cli'), async (tx) => {
          let agency = await tx.manager.findOne(api.Agency, { where: { code: agencyCode } });
          if (!agency) {
            const name = options['agency-name'];
            if (typeof name !== 'string') {
              throw new CliError(`单位代码 ${agencyCode} 不存在；如需一并创建，请加 --agency-name <单位名称>`, `no agency ${agencyCode}`);
            }
            const kind = typeof options['agency-kind'] === 'string' ? options['agency-kind'] : 'COUNTY_OFFICE';
            if (!isAgencyKind(kind)) {
              throw new CliError(`未知的单位类型 ${kind}（可选 ${AGENCY_KINDS.join('、')}）`, `unknown agency kind ${kind}`);
            }
            agency = await api.insertAgency(tx, { code: agencyCode, name, kind });
            io.out(`已创建单位 ${agency.name}（${agency.code}）\n`);
          }
          return api.insertUser(tx, { username, displayName, password, agencyId: agency.id, roles: roles as never });
        })
        .catch(asCliError);
      io.out(`已在 ${where} 创建用户 ${user.username}（${user.displayName}），角色：${user.roles.join('、')}\n`);
      return EXIT.ok;
    } finally {
      await dataSource.destroy();
    }
  },
};
