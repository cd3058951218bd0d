import { repl } from '@nestjs/core';
import { BillingAppModule } from './app.module';
import { loadBillingConfig } from './config';

/** `npm run repl -- billing`: Nest's REPL with every billing service reachable via get(). */
async function main(): Promise<void> {
  const config = loadBillingConfig();
  const server = await repl(BillingAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }));
  server.setupHistory('.data/.repl_history_billing', () => undefined);
}
void main();
