import { createHash } from 'node:crypto';
import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * The one way repositories reach PostgreSQL: typed `query<T>()` / `one<T>()` over a connection or
 * an open transaction, and `Database.transaction()` for services that need a unit of work. Services
 * never hold a `DataSource` or a TypeORM `Repository`; they inject a repository, and when several
 * writes must commit together they open a transaction here and pass its `Tx` to each repository.
 */

/** A connection or an open transaction: what every repository method takes as its optional last argument. */
export type Tx = EntityManager;

export type Row = Record<string, unknown>;

/**
 * TypeORM's postgres driver answers UPDATE/DELETE with `[rows, rowCount]` and everything else with
 * `rows`; this hides the difference (written once, here).
 */
export function rowsOf<T = Row>(res: unknown): T[] {
  if (isRowsAndCount(res)) return res[0] as T[];
  return (Array.isArray(res) ? res : []) as T[];
}

function isRowsAndCount(res: unknown): res is [unknown[], number] {
  return Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number';
}

/** What a hot statement may ask for: `prepare` runs it as a named prepared statement where allowed. */
export interface StatementOptions {
  /**
   * Parse and plan the statement once per connection (a named prepared statement) instead of on
   * every call, when the data source allows it (`DB_PREPARED_STATEMENTS`, off behind PgBouncer's
   * transaction mode). Only for a fixed statement text with an explicit column list: a cached
   * `SELECT *` fails with "cached plan must not change result type" once a migration adds a column.
   */
  prepare?: boolean;
}

const preparing = new WeakSet<DataSource>();

/** Lets `query(…, { prepare: true })` on this data source use named prepared statements (createDataSource does it when asked). */
export function allowPreparedStatements(ds: DataSource): void {
  preparing.add(ds);
}

const statementNames = new Map<string, string>();

/** A name derived from the text alone, so every connection and process names the same statement alike. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `cy_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

/**
 * pg's query config (a new one per call: pg writes the values into it), handed through TypeORM's
 * `query(text, params)`; it prints as its text, so TypeORM's logger still names the statement.
 */
class NamedStatement {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}
  toString(): string {
    return this.text;
  }
}

/** Runs one statement and returns its rows (`RETURNING` rows for writes). */
export async function query<T = Row>(db: Tx | DataSource, text: string, params: readonly unknown[] = [], opts?: StatementOptions): Promise<T[]> {
  const statement = opts?.prepare && preparing.has('connection' in db ? db.connection : db) ? (new NamedStatement(statementName(text), text) as unknown as string) : text;
  return rowsOf<T>(await db.query(statement, params as unknown[]));
}

/** Runs one write and returns how many rows it touched (the count of an UPDATE/DELETE without `RETURNING`). */
export async function execute(db: Tx | DataSource, text: string, params: readonly unknown[] = []): Promise<number> {
  const res: unknown = await db.query(text, params as unknown[]);
  if (isRowsAndCount(res)) return res[1];
  return Array.isArray(res) ? res.length : 0;
}

/** The first row of one statement, or `undefined`. */
export async function one<T = Row>(db: Tx | DataSource, text: string, params: readonly unknown[] = [], opts?: StatementOptions): Promise<T | undefined> {
  return (await query<T>(db, text, params, opts))[0];
}

/**
 * Maps a raw snake_case row of an entity's table to the entity's own (camelCase) shape, from the
 * entity's column metadata: the one record shape per table, with no field-by-field restatement.
 * Columns the row does not carry stay absent; columns the entity does not know are dropped. With a
 * `prefix`, it reads the columns `columnsOf(…, prefix)` selected (one side of a join).
 */
export function recordMapper<E extends ObjectLiteral>(db: Tx | DataSource, entity: EntityTarget<E>, prefix = ''): (row: Row) => E {
  const pairs = metadataOf(db, entity).columns.map((c) => [prefix + c.databaseName, c.propertyName] as const);
  return (row) => {
    const out: Row = {};
    for (const [column, property] of pairs) if (column in row) out[property] = row[column];
    return out as E;
  };
}

/**
 * The select list of every column of an entity under the table alias `alias`, each named
 * `<prefix><column>`, so that one statement can read a join into one record per table.
 */
export function columnsOf(db: Tx | DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
  return metadataOf(db, entity)
    .columns.map((c) => `${alias}.${c.databaseName} AS "${prefix}${c.databaseName}"`)
    .join(', ');
}

function metadataOf(db: Tx | DataSource, entity: EntityTarget<ObjectLiteral>) {
  return ('connection' in db ? db.connection : db).getMetadata(entity);
}

/** The unit of work services may hold (instead of a `DataSource`). Provided by `DatabaseModule`. */
@Injectable()
export class Database {
  constructor(private readonly ds: DataSource) {}

  /** The pooled connection, for repositories' default (non-transactional) statements. */
  get tx(): Tx {
    return this.ds.manager;
  }

  /** Runs `fn` in one transaction; every repository call inside takes the `Tx` it is given. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    return isolation ? this.ds.transaction(isolation, fn) : this.ds.transaction(fn);
  }

  query<T = Row>(text: string, params: readonly unknown[] = [], tx: Tx = this.ds.manager): Promise<T[]> {
    return query<T>(tx, text, params);
  }

  one<T = Row>(text: string, params: readonly unknown[] = [], tx: Tx = this.ds.manager): Promise<T | undefined> {
    return one<T>(tx, text, params);
  }

  execute(text: string, params: readonly unknown[] = [], tx: Tx = this.ds.manager): Promise<number> {
    return execute(tx, text, params);
  }

  records<E extends ObjectLiteral>(entity: EntityTarget<E>, prefix = ''): (row: Row) => E {
    return recordMapper(this.ds, entity, prefix);
  }

  /** `columnsOf` for this connection's entities. */
  columns(entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
    return columnsOf(this.ds, entity, alias, prefix);
  }
}

/** Provides `Database` in an app that has `TypeOrmModule.forRoot(…)` (its `DataSource`). */
@Global()
@Module({ providers: [Database], exports: [Database] })
export class DatabaseModule {}
