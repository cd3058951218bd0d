import { runMain } from '@clipyard/observability';
import { createGatewayApp } from './bootstrap';

runMain('gateway', async () => {
  const { app, config } = await createGatewayApp();
  await app.listen({ port: config.GATEWAY_PORT, host: config.GATEWAY_HOST });
  return { app, port: config.GATEWAY_PORT, graceSeconds: config.SHUTDOWN_GRACE_S };
});
