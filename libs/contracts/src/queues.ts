/** Names of every BullMQ queue. One request queue per RPC service, plain queues for events. */
export const RPC_SERVICES = ['auth', 'billing', 'media'] as const;
export type RpcService = (typeof RPC_SERVICES)[number];
export const rpcQueueName = (service: RpcService) => `rpc-${service}`;

export const QUEUES = {
  /** media-worker → gateway: progress, completed, failed. */
  jobEvents: 'job-events',
  /** media-worker and gateway → billing. */
  usageEvents: 'usage-events',
  trim: 'media-trim',
  overlay: 'media-overlay',
  transcribe: 'media-transcribe',
  /** gateway → gateway: signed webhook deliveries, retried with backoff for more than a day. */
  webhookDeliveries: 'webhook-deliveries',
  /** billing (and others) → gateway: domain events that become webhooks (usage thresholds). */
  webhookEvents: 'webhook-events',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Contract version carried by every payload so a rolling deploy can tell old from new. */
export const CONTRACT_VERSION = 1 as const;

/**
 * Redis pub/sub channel on which the gateway publishes the id of a job being cancelled; the
 * media worker running it kills ffmpeg. Always under the deployment's REDIS_PREFIX.
 */
export const mediaCancelChannel = (prefix: string) => `${prefix}:media-cancel`;
