import { createWorkerApp } from './bootstrap';
import { runMain } from '@clipyard/observability';

runMain('media-worker', async () => {
  const { app, config } = await createWorkerApp();
  await app.listen({ port: config.WORKER_HTTP_PORT, host: '0.0.0.0' });
  return { app, port: config.WORKER_HTTP_PORT, graceSeconds: config.SHUTDOWN_GRACE_S };
});
