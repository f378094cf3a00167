import type { DataSource } from 'typeorm';
import { createApi, type Api } from '../../src/app';
import type { ExecutorKind } from '../../src/common/executor';
import type { RequestContext } from '../../src/common/context';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';

export const TEST_SECRET = 'test-secret-0123456789-0123456789-0123456789';

export interface GqlResult<T = any> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** the API in process: operations run through Apollo with a context built from the bearer token */
export class TestApi {
  /** the password each token's user signed in with: a signature asks for it again (step-up) */
  private readonly passwords = new Map<string, string>();

  private constructor(
    readonly api: Api,
    readonly dataSource: DataSource,
  ) {}

  /** the password behind a token this client signed in with (the demo password otherwise) */
  passwordOf(token: string | null | undefined): string {
    return (token && this.passwords.get(token)) || DEMO_PASSWORD;
  }

  rememberPassword(token: string, password: string): void {
    this.passwords.set(token, password);
  }

  /** `executor`: graphql-jit or graphql-js (default: GRAPHQL_EXECUTOR, i.e. jit) */
  static async start(dataSource: DataSource, opts: { executor?: ExecutorKind; production?: boolean; quiet?: boolean; smtpUrl?: string; mailFrom?: string } = {}): Promise<TestApi> {
    const api = await createApi(
      dataSource,
      { jwtSecret: TEST_SECRET, jwtTtl: '1h', production: opts.production ?? false, smtpUrl: opts.smtpUrl, mailFrom: opts.mailFrom },
      {
        // internal errors are printed: a test expecting one still shows what it was
        logger: {
          info: () => undefined,
          error: (obj) => (opts.quiet ? undefined : console.error('[api internal error]', (obj as { err?: unknown }).err ?? obj)),
        },
        executor: opts.executor,
      },
    );
    await api.apollo.start();
    return new TestApi(api, dataSource);
  }

  async stop(): Promise<void> {
    await this.api.apollo.stop();
  }

  async context(token?: string | null): Promise<RequestContext> {
    return this.api.contextFor(token ? `Bearer ${token}` : undefined);
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GqlResult<T>> {
    const contextValue = await this.context(token);
    const response = await this.api.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GqlResult<T>;
  }

  /** data of an operation that must succeed */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const result = await this.gql<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const data = await this.ok<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    this.passwords.set(data.login.token, password);
    return data.login.token;
  }

  auditCount(): Promise<number> {
    return this.dataSource.manager.count(AuditEntry);
  }

  async lastAudit(): Promise<AuditEntry | null> {
    const [entry] = await this.dataSource.manager.find(AuditEntry, { order: { id: 'DESC' }, take: 1 });
    return entry ?? null;
  }
}

/** the error code of a failed operation (first error) */
export function codeOf(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code as string | undefined;
}
