/**
 * What the API promises every client, written once for the API, the console and the downloads: the
 * error codes a failure carries (GraphQL `extensions.code`), the HTTP status each one stands for,
 * and the paging limits of lists.
 */

/** the codes of the failures the API reports on purpose, each with a Chinese message */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION_FAILED',
  'TOO_MANY_REQUESTS',
  /** a capability this server cannot offer now (e.g. PDF where no Chromium is installed) */
  'SERVICE_UNAVAILABLE',
  /** a published revision whose stored content no longer matches the hash its publication chained */
  'INTEGRITY_FAILED',
  /** an account whose password an administrator set: only changing it is allowed until then */
  'PASSWORD_CHANGE_REQUIRED',
  /** a signature or confidentiality conclusion whose confirming password was missing or wrong */
  'STEP_UP_FAILED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The HTTP status of each code: what plain-HTTP routes (downloads) answer with, and what the console
 * hands react-admin (401/403 make it check the session, the rest become a notification). Apollo's
 * own GRAPHQL_VALIDATION_FAILED (a query the server does not know) is a bad request too.
 */
export const HTTP_STATUS_OF_ERROR: Readonly<Record<ErrorCode | 'GRAPHQL_VALIDATION_FAILED', number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION_FAILED: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  // withheld until restored from a backup: the server cannot vouch for it, the client did nothing wrong
  INTEGRITY_FAILED: 503,
  // signed in, but not allowed anything else yet: not a 401 (the session stands)
  PASSWORD_CHANGE_REQUIRED: 403,
  // the request was understood; the confirmation it carried was not the signer's password
  STEP_UP_FAILED: 400,
};

/** the HTTP status of an error code, or undefined for a code this table does not know */
export function httpStatusOf(code: string | null | undefined): number | undefined {
  return code && Object.prototype.hasOwnProperty.call(HTTP_STATUS_OF_ERROR, code)
    ? HTTP_STATUS_OF_ERROR[code as keyof typeof HTTP_STATUS_OF_ERROR]
    : undefined;
}

/** the most rows one list request may ask for (`take`): the API refuses more, the console asks for at most this */
export const MAX_PAGE_SIZE = 200;
/** the rows of a list request that does not say how many */
export const DEFAULT_PAGE_SIZE = 25;
