import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * JSON lines on stdout. What is logged is chosen field by field (request id, user id, operation,
 * status, duration) — never request bodies, variables, headers or report text. The redaction is a
 * second line of defence should an error object carry credentials.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: undefined,
      level: process.env.LOG_LEVEL ?? 'info',
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', '*.headers.authorization', 'jwtSecret', '*.jwtSecret'],
        censor: '[已隐去]',
      },
    },
    destination,
  );
}
