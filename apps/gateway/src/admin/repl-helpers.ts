import type { Type } from '@nestjs/common';
import { QueueDepthMetrics } from '@clipyard/queue';

/**
 * Admin helpers of the gateway REPL (`npm run repl -- gateway`): queue depth now, and the jobs
 * helpers (list, retry, cancel) once the jobs module provides them.
 */
export function gatewayReplHelpers(get: <T>(type: Type<T>) => T) {
  const depth = get(QueueDepthMetrics);
  return {
    queues: {
      /** Jobs per queue and state (`wait`, `active`, `delayed`, `prioritized`, `failed`, …) straight from Redis. */
      stats: () => depth.counts(),
    },
  };
}
