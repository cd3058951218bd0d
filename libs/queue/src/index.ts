export * from './connection';
export * from './seal';
export * from './rpc-client';
export * from './rpc-server';
export * from './queue-client';
export * from './policy';
export * from './queue.module';
export * from './queue-metrics';
