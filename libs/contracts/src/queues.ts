import { MEDIA_QUEUES } from './media-jobs';
export { CONTRACT_VERSION } from './events/common';

/** Names of every BullMQ queue. One request queue per RPC service, plain queues for events. */
export const RPC_SERVICES = ['auth', 'billing', 'media'] as const;
export type RpcService = (typeof RPC_SERVICES)[number];
export const rpcQueueName = (service: RpcService) => `rpc-${service}`;

export const QUEUES = {
  /** media-worker → gateway: progress, completed, failed. */
  jobEvents: 'job-events',
  /** media-worker and gateway → billing. */
  usageEvents: 'usage-events',
  /** gateway → media-worker: one queue per MEDIA_JOBS `queue` (`trim` → `media-trim`; hooks and shorts share `media-hooks`). */
  ...MEDIA_QUEUES,
  /** gateway → gateway: signed webhook deliveries, retried with backoff for more than a day. */
  webhookDeliveries: 'webhook-deliveries',
  /** billing (and others) → gateway: domain events that become webhooks (usage thresholds). */
  webhookEvents: 'webhook-events',
  /** auth → auth: the transactional outbox relay (emails, account events), retried with backoff. */
  authOutbox: 'auth-outbox',
  /** auth → gateway / billing: account events (deletion), one queue per consuming app. */
  accountEventsGateway: 'account-events-gateway',
  accountEventsBilling: 'account-events-billing',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Redis pub/sub channel on which the gateway announces a canceled media job (message: the job id). */
export const mediaCancelChannel = (redisPrefix: string) => `${redisPrefix}:media-cancel`;
