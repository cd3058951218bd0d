import type { Logger } from 'pino';
import type { RpcClient } from '@clipyard/queue';
import type { GatewayConfig } from '../config';
import { ApiKeyUsage } from './api-key.usage';

const K1 = '00000000-0000-4000-8000-000000000001';
const K2 = '00000000-0000-4000-8000-000000000002';

function setup(fail = false) {
  const calls: unknown[] = [];
  const rpc = {
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      if (fail) throw new Error('auth down');
      return { updated: 1 };
    },
  } as unknown as RpcClient;
  const logger = { warn: () => undefined } as unknown as Logger;
  const usage = new ApiKeyUsage({ API_KEYS_USAGE_FLUSH_MS: 60_000 } as GatewayConfig, rpc, logger);
  return { usage, calls };
}

describe('ApiKeyUsage', () => {
  it('sends one batch per flush, however many requests', async () => {
    const { usage, calls } = setup();
    for (let i = 0; i < 1000; i++) usage.record(K1, '10.0.0.1');
    usage.record(K2, undefined);
    await usage.flush();
    expect(calls).toHaveLength(1);
    const { items } = (calls[0] as { params: { items: { keyId: string; count: number; ip: string | null }[] } }).params;
    expect(items).toEqual([
      expect.objectContaining({ keyId: K1, count: 1000, ip: '10.0.0.1' }),
      expect.objectContaining({ keyId: K2, count: 1, ip: null }),
    ]);
    await usage.flush();
    expect(calls).toHaveLength(1); // nothing pending: no call
    await usage.onApplicationShutdown();
  });

  it('keeps the counts for the next flush when the auth app does not answer', async () => {
    const { usage, calls } = setup(true);
    usage.record(K1, '10.0.0.1');
    usage.record(K1, '10.0.0.1');
    await usage.flush();
    usage.record(K1, '10.0.0.2');
    await usage.flush();
    const last = (calls[1] as { params: { items: { count: number }[] } }).params.items[0];
    expect(last.count).toBe(3);
    await usage.onApplicationShutdown().catch(() => undefined);
  });
});
