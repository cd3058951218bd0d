import { repl } from '@nestjs/core';
import { installReplHelpers } from '@clipyard/observability';
import { GatewayAppModule } from './app.module';
import { loadGatewayConfig } from './config';
import { gatewayReplHelpers } from './admin/repl-helpers';

/**
 * `npm run repl -- gateway`: Nest's REPL with every gateway service reachable via get(), plus the
 * admin helpers `queues.stats()` and `jobs.list/retry/cancel` (see the README).
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const server = await repl(GatewayAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }, undefined, { background: false }));
  installReplHelpers(server.context, gatewayReplHelpers((type) => server.context.get(type)));
  server.setupHistory('.data/.repl_history_gateway', () => undefined);
}
void main();
