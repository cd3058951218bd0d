import { repl } from '@nestjs/core';
import { WorkerAppModule } from './app.module';
import { loadWorkerConfig } from './config';

/** `npm run repl -- media-worker`: Nest's REPL with every media-worker service reachable via get(). */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const server = await repl(WorkerAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }, undefined, { background: false }));
  server.setupHistory('.data/.repl_history_media-worker', () => undefined);
}
void main();
