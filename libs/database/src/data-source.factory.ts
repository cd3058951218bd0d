import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { StatementOnlyLogger } from './query-logger';
import { allowPreparedStatements } from './sql';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<Function | string | EntitySchema>;

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  /** Only the entities of the app that owns them (one writer per table). */
  entities?: Entities;
  /**
   * Hot statements (`query(…, { prepare: true })`) as named prepared statements: on for a direct
   * connection, off behind PgBouncer's transaction mode (DB_PREPARED_STATEMENTS=false).
   */
  preparedStatements?: boolean;
}

/** TypeORM options shared by every app. Never `synchronize`: the schema comes from migrations. */
export function dataSourceOptions(s: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: s.url,
    entities: s.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn'],
    logger: new StatementOnlyLogger(),
    // A connection attempt to an unreachable server fails after 5 s (the request then answers 503)
    // instead of waiting forever for a TCP handshake that never comes.
    extra: { max: s.poolSize ?? 10, application_name: 'clipyard', connectionTimeoutMillis: 5000 },
  };
}

export function createDataSource(s: DatabaseSettings): DataSource {
  return dataSourceWith(dataSourceOptions(s), s.preparedStatements ?? false);
}

/** A data source from these options, allowed named prepared statements when `preparedStatements`. */
export function dataSourceWith(options: DataSourceOptions, preparedStatements: boolean): DataSource {
  const ds = new DataSource(options);
  if (preparedStatements) allowPreparedStatements(ds);
  return ds;
}
