import { mediaJobSchemas } from '@clipyard/contracts';
import type { JobProcessor, MediaQueue } from './processor';

/** Job names a queue's contract allows (the literals of its discriminated union). */
export function jobNamesOf(queue: MediaQueue): string[] {
  const schema = mediaJobSchemas[queue] as unknown as { options: Array<{ shape: { name: { value: string } } }> };
  return schema.options.map((o) => o.shape.name.value);
}

/**
 * Maps queue → job name → processor, and refuses (throws) when a consumed queue has a job name
 * with no processor or with two, or a processor claims a name its queue does not carry.
 */
export function buildRegistry(processors: JobProcessor[], wanted: MediaQueue[]): Map<MediaQueue, Map<string, JobProcessor>> {
  const problems: string[] = [];
  const byQueue = new Map<MediaQueue, Map<string, JobProcessor>>();
  for (const p of processors) {
    if (!jobNamesOf(p.queue).includes(p.jobName)) problems.push(`${p.constructor.name}: queue ${p.queue} has no job named ${p.jobName}`);
    const names = byQueue.get(p.queue) ?? new Map<string, JobProcessor>();
    const existing = names.get(p.jobName);
    if (existing) problems.push(`two processors for ${p.queue}/${p.jobName}: ${existing.constructor.name} and ${p.constructor.name}`);
    names.set(p.jobName, p);
    byQueue.set(p.queue, names);
  }
  const queues = wanted.length ? wanted : [...byQueue.keys()];
  for (const q of queues) {
    for (const name of jobNamesOf(q)) {
      if (!byQueue.get(q)?.has(name)) problems.push(`no processor for ${q}/${name}`);
    }
  }
  if (problems.length) throw new Error(`media-worker cannot start:\n  - ${problems.join('\n  - ')}`);
  return new Map(queues.map((q) => [q, byQueue.get(q)!]));
}
