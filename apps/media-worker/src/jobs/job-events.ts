import { QUEUES, type UsageAction } from '@clipyard/contracts';
import type { QueueClient, UsageSender } from '@clipyard/queue';
import type { JobOutput } from '@clipyard/contracts';

interface Who {
  jobId: string;
  userId: string;
}

/**
 * Job and usage events on their queues. Ids are deterministic wherever a duplicate must not
 * count twice (a retried or re-run job emits the same completed/failed/usage ids).
 */
export class JobEvents {
  constructor(
    private readonly queues: QueueClient,
    /** The app's usage sender: usage events of jobs finishing at the same moment share one message. */
    private readonly usageSender: UsageSender,
  ) {}

  started(w: Who, attempt: number, at = new Date()): Promise<string> {
    return this.queues.add(
      QUEUES.jobEvents,
      { name: 'job.started', ...w, attempt, at: at.toISOString() },
      { jobId: `job:${w.jobId}:started:${attempt}` },
    );
  }

  progress(w: Who, progress: number): Promise<string> {
    return this.queues.add(QUEUES.jobEvents, { name: 'job.progress', ...w, progress, at: now() }, { attempts: 1, removeOnFail: true });
  }

  completed(w: Who, outputs: JobOutput[], result: Record<string, unknown>): Promise<string> {
    return this.queues.add(
      QUEUES.jobEvents,
      { name: 'job.completed', ...w, outputs, result, at: now() },
      { jobId: `job:${w.jobId}:completed` },
    );
  }

  failed(w: Who, error: { code: string; message: string }): Promise<string> {
    return this.queues.add(QUEUES.jobEvents, { name: 'job.failed', ...w, error, at: now() }, { jobId: `job:${w.jobId}:failed` });
  }

  usage(
    w: Who,
    u: {
      action: UsageAction;
      units: number;
      mediaSeconds: number;
      inputBytes: number;
      outputBytes: number;
      processingMs: number;
      template?: string;
      customOverrides?: Record<string, unknown>;
      trimJobs?: number;
      inputTokens?: number;
      outputTokens?: number;
      aiProvider?: string;
      aiModel?: string;
      subtitleMinutes: number;
    },
  ): Promise<void> {
    return this.usageSender.send({ name: 'usage.job', eventId: `job:${w.jobId}:completed`, ...w, ...u, occurredAt: now() });
  }
}

const now = () => new Date().toISOString();
