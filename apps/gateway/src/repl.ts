import { repl } from '@nestjs/core';
import { GatewayAppModule } from './app.module';
import { loadGatewayConfig } from './config';

/** `npm run repl -- gateway`: Nest's REPL with every gateway service reachable via get(). */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const server = await repl(GatewayAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }));
  server.setupHistory('.data/.repl_history_gateway', () => undefined);
}
void main();
