import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppError } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { QueueDepthMetrics } from '@clipyard/queue';

/**
 * `GET /metrics/queue-backlog`: the media queues' backlog as JSON, for KEDA's `metrics-api`
 * trigger (k8s/scaling/keda). In-cluster only, like /metrics: the Ingress does not route it.
 */
@Public()
@ApiExcludeController()
@Controller('metrics')
export class QueueBacklogController {
  constructor(@Inject(QueueDepthMetrics) private readonly depth: QueueDepthMetrics) {}

  @Get('queue-backlog')
  async backlog() {
    const queues = await this.depth.backlog().catch((err: Error) => {
      // KEDA keeps the current replicas (its `fallback`) while this fails; never report 0 instead.
      throw new AppError('UPSTREAM_UNAVAILABLE', 'Queue backlog unavailable: Redis did not answer', { reason: err.message }, 503, {
        'Retry-After': '5',
      });
    });
    const total = Object.values(queues).reduce((n, q) => n + q.backlog, 0);
    return { queues, total };
  }
}
