import type { Logger as TypeOrmLogger } from 'typeorm';

type Write = (line: string) => void;

/**
 * TypeORM's logger for every app: a failed query is one JSON line with the statement and the
 * driver's error code, never the parameters (they carry emails, names, tokens). TypeORM's own
 * console logger prints `-- PARAMETERS: [...]`.
 */
export class StatementOnlyLogger implements TypeOrmLogger {
  constructor(private readonly write: Write = (line) => process.stderr.write(line)) {}

  logQueryError(error: string | Error, query: string): void {
    const e = (typeof error === 'string' ? { message: error } : error) as Error & { code?: string; driverError?: { code?: string } };
    this.write(
      `${JSON.stringify({
        level: 'error',
        time: new Date().toISOString(),
        app: 'database',
        msg: 'query failed',
        query: String(query).slice(0, 4000),
        code: e.driverError?.code ?? e.code,
        error: String(e.message ?? '').slice(0, 500),
      })}\n`,
    );
  }
  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write(`${JSON.stringify({ level: 'warn', time: new Date().toISOString(), app: 'database', msg: String(message) })}\n`);
  }
}
