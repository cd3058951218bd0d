import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Nest's own log calls (`Logger.log(message, context)`, the exceptions handler, start-up lines)
 * written through the app's root pino logger: `{"context":…,"msg":…}`, an Error as `err`. The
 * same lines nestjs-pino's Logger wrote, without its per-request AsyncLocalStorage.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  verbose(message: unknown, ...rest: unknown[]): void {
    this.call('trace', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.call('debug', message, rest);
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.call('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.call('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.call('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.call('fatal', message, rest);
  }

  private call(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const obj: Record<string, unknown> = {};
    // Nest passes the context last
    let params = rest;
    if (rest.length) {
      obj.context = rest[rest.length - 1];
      params = rest.slice(0, -1);
    }
    if (typeof message === 'object' && message !== null) {
      if (message instanceof Error) obj.err = message;
      else Object.assign(obj, message);
      this.logger[level](obj, ...(params as []));
    } else if (level === 'error' && typeof message === 'string' && params.length === 1 && typeof params[0] === 'string' && /\n\s*at /.test(params[0])) {
      // Nest's exception handlers call error(message, stack, context)
      const err = new Error(message);
      err.stack = params[0];
      obj.err = err;
      this.logger[level](obj);
    } else {
      this.logger[level](obj, message as string, ...(params as []));
    }
  }
}
