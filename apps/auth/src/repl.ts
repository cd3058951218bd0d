import { repl } from '@nestjs/core';
import { AuthAppModule } from './app.module';
import { loadAuthConfig } from './config';

/** `npm run repl -- auth`: Nest's REPL with every auth service reachable via get(). */
async function main(): Promise<void> {
  const config = loadAuthConfig();
  const server = await repl(AuthAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }));
  server.setupHistory('.data/.repl_history_auth', () => undefined);
}
void main();
