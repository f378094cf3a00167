/**
 * The one place the console talks to the API: POST /graphql with the bearer token. Failures become
 * react-admin HttpErrors carrying the API's Chinese message, the GraphQL error code and its extensions,
 * so screens can react to CONFLICT / VALIDATION_FAILED and the auth provider to UNAUTHENTICATED.
 */
import { HttpError } from 'ra-core';
import { httpStatusOf } from '@touming/domain/contract';
import { FORBIDDEN_MESSAGE } from '@touming/domain/permissions';
import type { TypedDocumentString } from '../gql/graphql';
import { getToken } from './session';

export const GRAPHQL_PATH = '/graphql';

/**
 * A typed operation document from src/gql (generated from the .graphql files next to the screens):
 * its text, tagged with its result and variables types.
 */
export type GraphQLDocument<TData, TVariables> = TypedDocumentString<TData, TVariables>;

/** the operation's name (`query ReportWorkflow(…)` → "ReportWorkflow"), e.g. for query keys */
export function operationName(document: { toString(): string }): string {
  return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString())?.[1] ?? 'anonymous';
}


/** what to show for an error code when the server sent no Chinese message (also used by the downloads) */
export const FALLBACK_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: FORBIDDEN_MESSAGE,
  NOT_FOUND: '未找到该记录',
  CONFLICT: '该记录已被他人修改',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务器出错，请稍后再试',
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
  GRAPHQL_VALIDATION_FAILED: '请求与服务器版本不一致，请刷新页面后重试',
  BAD_USER_INPUT: '提交的内容有误',
};

interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** the body of a Touming HttpError: the code (the API's extensions.code, or NETWORK_ERROR) and the extensions of the first GraphQL error */
export interface ToumingErrorBody {
  code: string;
  extensions: Record<string, unknown>;
  errors: GraphQLErrorJson[];
}

export function errorCodeOf(error: unknown): string | undefined {
  const body = (error as { body?: ToumingErrorBody } | null)?.body;
  return body?.code;
}

export function isChinese(text: string) {
  return /[\u4e00-\u9fff]/.test(text);
}

export function toHttpError(errors: GraphQLErrorJson[], httpStatus: number): HttpError {
  const first = errors[0] ?? { message: '' };
  const code = first.extensions?.code ?? (httpStatus === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  // The API speaks Chinese; a non-Chinese message is a framework error (e.g. a GraphQL syntax error)
  // that a clerk cannot act on, so show the generic Chinese message for its code instead.
  const message = isChinese(first.message) ? first.message : (FALLBACK_MESSAGES[code] ?? `请求失败（${code}）`);
  const body: ToumingErrorBody = { code, extensions: { ...(first.extensions ?? {}) }, errors };
  return new HttpError(message, httpStatusOf(code) ?? (httpStatus >= 400 ? httpStatus : 500), body);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** send without the stored token (login) */
  anonymous?: boolean;
}

export async function request<TData, TVariables>(
  document: GraphQLDocument<TData, TVariables>,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TData> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = options.anonymous ? null : getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new HttpError(FALLBACK_MESSAGES.NETWORK_ERROR, 503, { code: 'NETWORK_ERROR', extensions: {}, errors: [] });
  }
  let json: { data?: TData | null; errors?: GraphQLErrorJson[] } | null = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (json?.errors?.length) throw toHttpError(json.errors, response.status);
  if (!response.ok || !json || json.data == null) {
    const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR';
    throw toHttpError([{ message: '', extensions: { code } }], response.status);
  }
  return json.data;
}
