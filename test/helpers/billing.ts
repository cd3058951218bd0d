/**
 * Integration-test context: the real billing app (RPC server, usage consumer, reaper) on the run's
 * PostgreSQL and a Redis prefix of its own, plus an RPC client and a queue client to talk to it.
 */
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { QueueClient, RpcClient } from '@clipyard/queue';
import { createBillingApp } from '../../apps/billing/src/bootstrap';
import type { BillingConfig } from '../../apps/billing/src/config';

export interface BillingContext {
  app: NestFastifyApplication;
  config: BillingConfig;
  rpc: RpcClient;
  queues: QueueClient;
  ds: DataSource;
  logs: string[];
  close(): Promise<void>;
}

export async function startBilling(env: Record<string, string> = {}): Promise<BillingContext> {
  const logs: string[] = [];
  const { app, config } = await createBillingApp({
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'cyt'}-billing-${randomBytes(3).toString('hex')}`,
      REAPER_INTERVAL_MS: '3600000',
      RPC_TIMEOUT_MS: '30000',
      ...env,
    },
    logDestination: { write: (s: string) => void logs.push(s) } as never,
  });
  await app.init();
  const settings = { url: config.REDIS_URL, prefix: config.REDIS_PREFIX };
  const rpc = new RpcClient(settings, config.RPC_SECRET, config.RPC_TIMEOUT_MS);
  const queues = new QueueClient(settings);
  return {
    app,
    config,
    rpc,
    queues,
    ds: app.get(DataSource),
    logs,
    close: async () => {
      await rpc.close();
      await queues.close();
      await app.close();
    },
  };
}
