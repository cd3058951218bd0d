import { repl } from '@nestjs/core';
import { installReplHelpers } from '@clipyard/observability';
import { BillingAppModule } from './app.module';
import { loadBillingConfig } from './config';
import { billingReplHelpers } from './admin/repl-helpers';

/**
 * `npm run repl -- billing`: Nest's REPL with every billing service reachable via get(), plus the
 * admin helpers `plans.list/get/set/override` and `usage.summary/all` (see the README).
 */
async function main(): Promise<void> {
  const config = loadBillingConfig();
  const server = await repl(BillingAppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }, undefined, { background: false }));
  installReplHelpers(server.context, billingReplHelpers((type) => server.context.get(type)));
  server.setupHistory('.data/.repl_history_billing', () => undefined);
}
void main();
