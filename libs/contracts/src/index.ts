export * from './errors';
export * from './queues';
export * from './rpc';
export * from './events';
export * from './jobs.errors';
export * from './auth';
export * from './media-errors';
export * from './transcription';
