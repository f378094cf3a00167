import { ERROR_CODES, type ErrorCode } from '@touming/domain/contract';
import { FORBIDDEN_MESSAGE } from '@touming/domain/permissions';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every failure the API reports is a GraphQLError with a stable extensions.code (@touming/domain/contract)
 * and a Chinese message. Anything else is an internal error and is hidden by formatError.
 */
export type { ErrorCode };

const PUBLIC_CODES = new Set<string>([
  ...ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
  // Apollo's own codes for malformed requests: their messages are about the query, not the server
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = '请先登录') => appError('UNAUTHENTICATED', message);
export const forbidden = (message = FORBIDDEN_MESSAGE, extensions: Record<string, unknown> = {}) =>
  appError('FORBIDDEN', message, extensions);
export const badInput = (message: string, extensions: Record<string, unknown> = {}) =>
  appError('BAD_USER_INPUT', message, extensions);
export const notFound = (message: string) => appError('NOT_FOUND', message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  appError('CONFLICT', message, extensions);

/** graphql-js's suggestions, e.g. 'Cannot query field "usrs" on type "Query". Did you mean "users"?' */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+?\?$/s, '');
}

export function errorCode(error: unknown): string | undefined {
  const e = (error as { originalError?: unknown })?.originalError ?? error;
  return e instanceof GraphQLError ? (e.extensions?.code as string | undefined) : undefined;
}

/**
 * Apollo's formatError: public errors pass with their code and message (and, outside production,
 * nothing more than Apollo adds); everything else becomes INTERNAL_SERVER_ERROR "服务器内部错误" with
 * the request id, so a log line can be found but no internals leak.
 */
export function makeFormatError(opts: { production: boolean; log?: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = (error as { originalError?: unknown })?.originalError;
    // type-graphql's own argument/validation errors arrive as plain errors: treat them as bad input
    const typeGraphqlInput =
      original instanceof Error && ['ArgumentValidationError', 'InputValidationError'].includes(original.constructor.name);
    if (code && PUBLIC_CODES.has(code) && (original === undefined || original instanceof GraphQLError || code !== 'INTERNAL_SERVER_ERROR')) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      // an expected failure: its stack says nothing useful and is never shown; in production graphql's
      // "Did you mean …?" hints (field, argument, enum value names) are cut: they map the schema
      const message = opts.production ? withoutSuggestions(formatted.message) : formatted.message;
      return { ...formatted, message, extensions };
    }
    if (typeGraphqlInput) {
      return { message: '输入不合法', locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
    }
    opts.log?.(original ?? error);
    const requestId = (error as { requestId?: string })?.requestId;
    return {
      message: '服务器内部错误',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
