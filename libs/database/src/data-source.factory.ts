import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { StatementOnlyLogger } from './query-logger';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<Function | string | EntitySchema>;

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  /** Only the entities of the app that owns them (one writer per table). */
  entities?: Entities;
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
    extra: { max: s.poolSize ?? 10, application_name: 'clipyard' },
  };
}

export function createDataSource(s: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
