export * from './data-source.factory';
export * from './query-logger';
export * from './database.health';
export * from './migrations';
export * from './entities';
export * from './sql';
