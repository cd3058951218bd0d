import type { Job, JobOutput } from '../api/types';
import { fmtSeconds, Section } from '../ui/bits';

export interface Hook {
  start: number;
  end: number;
  score: number;
  title: string;
  hook_sentence?: string;
  reason?: string;
}
interface Clip {
  name: string;
  start: number;
  end: number;
  score?: number;
  title?: string;
  duration_s?: number;
}

const hooksOf = (job: Job) => (Array.isArray(job.result?.hooks) ? (job.result.hooks as Hook[]) : []);
const clipsOf = (job: Job) => (Array.isArray(job.result?.clips) ? (job.result.clips as Clip[]) : []);

/** The hooks a hooks or shorts job found, best first, with where they sit in the media. */
export function HooksList({ job }: { job: Job }) {
  const hooks = hooksOf(job);
  if (job.status !== 'completed' || (job.type !== 'hooks' && job.type !== 'shorts')) return null;
  const model = [job.result?.ai_provider, job.result?.model].filter(Boolean).join(' · ');
  return (
    <Section title="Hooks">
      {model && <p className="muted">Found by {model}.</p>}
      {hooks.length === 0 ? (
        <p className="empty">The model found no moment that fits these lengths. Try shorter or longer clips, or other topics.</p>
      ) : (
        <ol className="hooks">
          {hooks.map((h, i) => (
            <li key={i}>
              <div className="hook-head">
                <strong>{h.title}</strong>
                <span className="mono">
                  {fmtSeconds(h.start)}–{fmtSeconds(h.end)}
                </span>
                <span className="muted">
                  {(h.end - h.start).toFixed(1)} s · score {h.score}
                </span>
              </div>
              {h.hook_sentence && <blockquote>{h.hook_sentence}</blockquote>}
              {h.reason && <p className="muted">{h.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** A shorts job's clips: one vertical preview each, with its hook and a download link. */
export function ClipsGrid({ job, url }: { job: Job; url: (o: JobOutput) => string | undefined }) {
  const clips = clipsOf(job);
  const outputs = new Map(job.outputs.map((o) => [o.name, o]));
  if (clips.length === 0) return null;
  return (
    <ul className="clips">
      {clips.map((c) => {
        const o = outputs.get(c.name);
        const src = o && url(o);
        return (
          <li key={c.name}>
            {src && <video src={src} controls preload="metadata" aria-label={`Preview of ${c.name}`} />}
            <strong>{c.title ?? c.name}</strong>
            <span className="mono muted">
              {fmtSeconds(c.start)}–{fmtSeconds(c.end)}
            </span>
            {src && (
              <a href={src} download={c.name}>
                Download {c.name}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
