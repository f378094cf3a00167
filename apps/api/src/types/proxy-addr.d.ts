// proxy-addr (Express's own dependency for req.ip) ships no types; graphql-endpoint.ts uses its one call
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';
  function proxyaddr(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string;
  export = proxyaddr;
}
