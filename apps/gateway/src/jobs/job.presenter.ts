import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { jobOutputViewSchema, jobViewSchema } from './jobs.dto';
import type { JobRecord } from './jobs.repository';

export type JobOutputView = z.infer<typeof jobOutputViewSchema>;
export type JobView = z.infer<typeof jobViewSchema>;

export const outputPath = (jobId: string, name: string) => `/v1/jobs/${jobId}/outputs/${encodeURIComponent(name)}`;

/** The public shape of a job: never the entity (no storage keys, reservation ids or owner). */
export function presentJob(job: JobRecord, baseUrl: string): JobView {
  const view: JobView = {
    id: job.id,
    type: job.type,
    status: job.status,
    progress: Math.round(job.progress * 10) / 10,
    params: job.params,
    outputs: job.outputsExpiredAt
      ? []
      : job.outputs.map((o) => ({
          name: o.name,
          content_type: o.contentType,
          size: o.size,
          url: `${baseUrl}${outputPath(job.id, o.name)}`,
        })),
    created_at: job.createdAt.toISOString(),
  };
  if (job.error) view.error = { code: job.error.code, message: job.error.message };
  if (job.outputsExpiredAt) view.outputs_expired_at = job.outputsExpiredAt.toISOString();
  if (job.startedAt) view.started_at = job.startedAt.toISOString();
  if (job.completedAt) view.completed_at = job.completedAt.toISOString();
  if (job.usage) view.usage = job.usage;
  if (job.aiProvider) view.ai_provider = job.aiProvider;
  if (job.aiModel) view.model = job.aiModel;
  if (job.result && job.status === 'completed') view.result = job.result;
  return view;
}

/** Strong validator of the status resource: the row's revision changes on every update. */
export const jobEtag = (job: JobRecord) => `"${job.id.slice(0, 8)}-${job.revision}"`;

/** RFC 9110 If-None-Match (weak comparison): `*` or any listed tag equal to ours. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The poll answer of one version of a job, written the same way by the Nest route and the fast
 * path: ETag, Cache-Control, Retry-After while queued or running, then 304 (no body, returns
 * undefined) when If-None-Match matches, else the rendered JSON (returned).
 */
export function answerPoll(
  reply: FastifyReply,
  job: JobRecord,
  rendered: { etag: string; body: string },
  ifNoneMatch: string | undefined,
  retryAfterS: number,
): string | undefined {
  reply.header('ETag', rendered.etag).header('Cache-Control', 'private, no-cache');
  if (job.status === 'queued' || job.status === 'active') reply.header('Retry-After', String(retryAfterS));
  if (etagMatches(ifNoneMatch, rendered.etag)) {
    reply.status(304);
    return undefined;
  }
  reply.header('content-type', 'application/json; charset=utf-8');
  return rendered.body;
}
