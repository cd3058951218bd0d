export * from './errors';
export * from './queues';
export * from './rpc';
export * from './events';
export * from './jobs.errors';
