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

/** Fields of a database error that carry the values of a statement (TypeORM's QueryFailedError, pg's detail). */
const VALUE_FIELDS = ['parameters', 'detail', 'where'];

/**
 * pino's error serializer, minus the values a failed SQL statement was run with: the statement
 * (`query`) and the driver's code stay, `parameters` and `detail` (e.g. "Key (email)=(…)") go.
 */
export function errSerializer(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  for (const f of VALUE_FIELDS) delete out[f];
  const driver = out.driverError as Record<string, unknown> | undefined;
  if (driver && typeof driver === 'object') {
    out.driverError = { ...driver };
    for (const f of VALUE_FIELDS) delete (out.driverError as Record<string, unknown>)[f];
  }
  return out;
}

export function loggerOptions(app: string, level: string): LoggerOptions {
  return {
    level,
    base: { app },
    serializers: { err: errSerializer },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** A standalone pino logger (for workers, scripts and RPC servers outside a request). */
export function createLogger(app: string, level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(app, level), destination) : pino(loggerOptions(app, level));
}

/** Query parameters whose value is a credential: signed links (`sig`), one-time tokens, presigned S3. */
const SECRET_QUERY = /^(sig|signature|token|[a-z_]*_token|code|state|code_verifier|x-amz-signature|x-amz-credential|x-amz-security-token)$/i;

/**
 * A request URL fit for a log line: the value of every credential query parameter is replaced by
 * `[redacted]` (a logged signed download link would otherwise work for its whole lifetime).
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        /* keep the raw name */
      }
      return eq >= 0 && SECRET_QUERY.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}
