import { createBillingApp } from './bootstrap';
import { runMain } from '@clipyard/observability';

runMain('billing', async () => {
  const { app, config } = await createBillingApp();
  await app.listen({ port: config.BILLING_HTTP_PORT, host: '0.0.0.0' });
  return { app, port: config.BILLING_HTTP_PORT, graceSeconds: config.SHUTDOWN_GRACE_S };
});
