import { repl } from '@nestjs/core';
import { installReplHelpers } from '@clipyard/observability';
import { AuthAppModule } from './app.module';
import { loadAuthConfig } from './config';
import { authReplHelpers } from './admin/repl-helpers';

/**
 * `npm run repl -- auth`: Nest's REPL with every auth service reachable via get(), plus the admin
 * helpers `users.*`, `keys.*` and `keyring.*` (alias `crypto.*`; see the README). It does not answer RPC requests.
 */
async function main(): Promise<void> {
  const config = loadAuthConfig();
  const server = await repl(AuthAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }, undefined, { background: false }));
  installReplHelpers(server.context, authReplHelpers((type) => server.context.get(type)));
  server.setupHistory('.data/.repl_history_auth', () => undefined);
}
void main();
