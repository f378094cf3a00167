import 'reflect-metadata';
import { ROLE_LABELS } from '@touming/domain/permissions';
import { createHttpApp } from './app';
import { loadConfig } from './config';
import { describeTrustProxy } from './http/trust-proxy';
import { openDataSource, runMigrations } from './db/data-source';
import { createLogger } from './observability';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data';
import { seedDemo } from './seed/seed';

const logger = createLogger();

function describeDatabase(db: ReturnType<typeof loadConfig>['database']): string {
  return db.type === 'sqlite' ? `SQLite ${db.path}` : `MySQL/MariaDB 数据库 ${db.database}`;
}

async function main() {
  const config = loadConfig();
  const dataSource = await openDataSource(config.database);
  const applied = config.migrateOnStart ? await runMigrations(dataSource) : [];
  if (applied.length) logger.info({ migrations: applied }, '数据库迁移已执行');
  const seeded = config.seedDemo ? await seedDemo(dataSource, { today: config.demoToday }) : null;
  if (seeded) logger.info({ agencies: seeded.agencies, reports: seeded.reports, openCycle: seeded.plan.currentYear }, '已写入演示数据');

  const { server, metricsServer, stop } = await createHttpApp(dataSource, config, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  if (metricsServer) {
    await new Promise<void>((resolve, reject) => {
      metricsServer.once('error', reject);
      metricsServer.listen(config.metricsPort!, resolve);
    });
    logger.info({ port: config.metricsPort }, 'Prometheus 指标：/metrics 在单独端口提供');
  }
  logger.info({ trustProxy: describeTrustProxy(config.trustProxy) }, '客户端地址');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Touming 已启动：http://localhost:${port}/ （GraphQL: /graphql；数据库：${describeDatabase(config.database)}）`);
  if (seeded) {
    console.log(`演示数据：${seeded.plan.currentYear} 年度报告正在填报（截止日期 ${seeded.plan.deadline}），${seeded.plan.years[0]}–${seeded.plan.previousYear} 年度已公开`);
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const u of DEMO_USERS) {
      console.log(`  ${u.username.padEnd(20)} ${u.roles.map((r) => ROLE_LABELS[r]).join('、')} · ${u.displayName}`);
    }
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, '正在停止：不再接受新请求，等待进行中的请求完成');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      // Apollo's drain plugin closes the listener, closes idle keep-alive connections and waits for the
      // requests in flight (cut after 10 s); only then is the pool closed, so no acknowledged write is lost
      await stop();
      logger.info('请求已全部完成，正在关闭数据库连接');
      await dataSource.destroy();
      logger.info('已停止');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, '停止时出错');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  logger.error({ err: error }, 'Touming 启动失败');
  console.error(`Touming 启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
