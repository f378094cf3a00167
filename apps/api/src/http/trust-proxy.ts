/**
 * Which proxies in front of the server are believed about the client's address (X-Forwarded-For).
 * The address is what the per-IP login limit, the public rate limit and the audit trail use, so:
 *
 * - off (the default): the address is the TCP peer; X-Forwarded-For is ignored. Right when clients
 *   connect directly — and the only safe choice when nothing in front strips a client's own header.
 * - a hop count `n`: the last `n` proxies are trusted (their entries are taken off the right of
 *   X-Forwarded-For); the client is the entry before them. `1` behind one ingress/nginx.
 * - a list of addresses or CIDR ranges (`loopback`, `uniquelocal`, `10.0.0.0/8`, `::1` …): a hop is
 *   trusted when it comes from one of them. The safest form when the proxies' addresses are known.
 *
 * `true` (trust every hop) is refused: the leftmost entry of X-Forwarded-For is whatever the client
 * wrote, so anybody could choose their address.
 * Examples for nginx, a Kubernetes ingress and none: README "Configuration" and docs/security.md.
 */
import express from 'express';

export type TrustProxy = false | number | string[];

const OFF = ['', '0', 'off', 'false', 'no', 'none'];
const EVERYONE = ['true', 'on', 'yes', 'all', '*'];

/** TRUST_PROXY → Express's "trust proxy" setting; throws a Chinese message for a value it cannot use */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (OFF.includes(text.toLowerCase())) return false;
  if (EVERYONE.includes(text.toLowerCase())) {
    throw new Error(`TRUST_PROXY=${text} 会让任何客户端自行伪造 X-Forwarded-For 地址；请填写代理的跳数（如 1）或代理的地址段（如 10.0.0.0/8、loopback）`);
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`TRUST_PROXY=${text}：代理跳数不合理（一般为 1 或 2）`);
    return hops;
  }
  const list = text.split(',').map((v) => v.trim()).filter(Boolean);
  try {
    // Express compiles the list with proxy-addr, which refuses what is not an address, a CIDR range
    // or one of its names (loopback, linklocal, uniquelocal)
    express().set('trust proxy', list);
  } catch (error) {
    throw new Error(`TRUST_PROXY 无法识别：${text}（${(error as Error).message}）；应为跳数（如 1）、地址或 CIDR 地址段列表（如 10.0.0.0/8,loopback），或 off`);
  }
  return list;
}

/** a short description for the start-up log */
export function describeTrustProxy(trust: TrustProxy): string {
  if (trust === false) return '不信任代理转发的地址（X-Forwarded-For 被忽略）';
  if (typeof trust === 'number') return `信任最近 ${trust} 跳代理转发的地址`;
  return `信任来自 ${trust.join('、')} 的代理转发的地址`;
}
