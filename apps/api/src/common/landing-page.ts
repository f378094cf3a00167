/**
 * What a browser gets at GET /graphql. Apollo's own landing pages load the
 * Sandbox / Explorer from Apollo's CDN — on a government network that request fails (or, worse,
 * leaks that the service exists). So: in production no landing page at all (a browser gets the plain
 * GraphQL "bad request" answer), in development a small page of our own, served from here, with no
 * script and no reference to any other host.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

const EXAMPLE = `curl -s <本服务的地址>/graphql \\
  -H 'content-type: application/json' \\
  -d '{"query":"{ publicAgencies { name kind } }"}'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** the development page: plain HTML, relative links only */
export const LOCAL_LANDING_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>透明 · GraphQL 接口（开发环境）</title>
<style>
  body { font: 15px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
  code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f4f4f4; border-radius: 4px; }
  pre { padding: .75rem 1rem; overflow-x: auto; }
  h1 { font-size: 1.4rem; }
</style>
</head>
<body>
<main>
<h1>透明 · GraphQL 接口</h1>
<p>这是开发环境的 GraphQL 接口说明页。接口只接受 <code>POST /graphql</code>（JSON），例如：</p>
<pre>${escapeHtml(EXAMPLE)}</pre>
<p>登录后的请求带上 <code>Authorization: Bearer &lt;令牌&gt;</code>（令牌来自 <code>login</code> 变更）。完整的接口定义见仓库中的 <code>apps/api/schema.graphql</code>；开发环境允许内省（introspection），生产环境不允许，也不提供本页。</p>
<p>本页不加载任何外部资源。<a href="/">打开管理控制台</a></p>
</main>
</body>
</html>
`;

/** the landing page plugin for the API: none in production, the local page in development */
export function landingPagePlugin(production: boolean): ApolloServerPlugin {
  if (production) return ApolloServerPluginLandingPageDisabled();
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: LOCAL_LANDING_PAGE };
        },
      };
    },
  };
}
