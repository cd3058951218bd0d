import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object: credentials in headers, bodies,
 * RPC params and errors. Key material and passwords are never meant to reach a log call at all;
 * this is the net under that rule.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.new_password',
  '*.current_password',
  '*.api_key',
  '*.apiKey',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.key',
  '*.plaintext',
  '*.ciphertext',
  'password',
  'api_key',
  'apiKey',
  'secret',
  'token',
];

/** Query parameters that carry one-time secrets (emailed links): blanked in logged URLs. */
const SECRET_QUERY = /([?&](?:token|code)=)[^&#]*/gi;
export const redactUrl = (url: string | undefined) => (url ? url.replace(SECRET_QUERY, '$1[redacted]') : url);

export function loggerOptions(app: string, level: string): LoggerOptions {
  return {
    level,
    base: { app },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** A standalone pino logger (for workers, scripts and RPC servers outside a request). */
export function createLogger(app: string, level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(app, level), destination) : pino(loggerOptions(app, level));
}
