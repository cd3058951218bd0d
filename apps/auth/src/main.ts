import { createAuthApp } from './bootstrap';
import { runMain } from '@clipyard/observability';

runMain('auth', async () => {
  const { app, config } = await createAuthApp();
  await app.listen({ port: config.AUTH_HTTP_PORT, host: '0.0.0.0' });
  return { app, port: config.AUTH_HTTP_PORT, graceSeconds: config.SHUTDOWN_GRACE_S };
});
