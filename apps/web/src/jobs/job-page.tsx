import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError, toApiError, unwrap } from '../api/errors';
import { invalidate, useInterval, useMutation, useQuery } from '../api/hooks';
import type { Job, JobOutput } from '../api/types';
import { Link, navigate } from '../router';
import { CopyButton, ErrorNote, fmtBytes, fmtDate, Loading, Page, Section, Status } from '../ui/bits';
import { isLive } from './jobs-table';
import { ClipsGrid, HooksList } from './hooks-results';

/** Polls the job with If-None-Match: an unchanged job costs a 304 and no body. */
function useJob(id: string) {
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<ApiError>();
  const etag = useRef<string | null>(null);
  const load = async () => {
    try {
      const r = await api.GET('/v1/jobs/{id}', {
        params: { path: { id } },
        headers: etag.current ? { 'If-None-Match': etag.current } : {},
      });
      if (r.response.status === 304) return;
      if (!r.response.ok) throw toApiError(r.response.status, r.error);
      etag.current = r.response.headers.get('ETag');
      setJob(r.data as Job);
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : toApiError(0, undefined));
    }
  };
  useEffect(() => {
    etag.current = null;
    setJob(undefined);
    void load();
  }, [id]);
  useInterval(() => void load(), 1500, !!job && isLive(job));
  return { job, error, reload: load };
}

export function JobPage({ id }: { id: string }) {
  const { job, error, reload } = useJob(id);
  const cancel = useMutation(() => unwrap(api.DELETE('/v1/jobs/{id}', { params: { path: { id } } })), () => {
    invalidate('jobs');
    void reload();
  });
  // Retry = the same parameters submitted again; they are the API's own echo of what it accepted.
  const retry = useMutation(
    () => unwrap<Job>(api.POST(`/v1/jobs/${job!.type}` as '/v1/jobs/trim', { body: job!.params as never })),
    (j) => {
      invalidate('jobs');
      navigate(`/jobs/${j.id}`);
    },
  );
  if (error && !job) return (<Page title="Job"><ErrorNote error={error} /><Link to="/jobs">All jobs</Link></Page>);
  if (!job) return <Loading what="Loading the job" />;
  const finished = !isLive(job);
  return (
    <Page
      title={`${cap(job.type)} job`}
      actions={
        <div className="actions">
          {!finished && (
            <button type="button" className="danger" onClick={() => void cancel.run()} disabled={cancel.pending}>
              Cancel job
            </button>
          )}
          {finished && (job.status === 'failed' || job.status === 'canceled') && (
            <button type="button" onClick={() => void retry.run()} disabled={retry.pending}>
              Retry
            </button>
          )}
          {finished && job.status !== 'canceled' && (
            <button type="button" className="danger" onClick={() => void cancel.run()} disabled={cancel.pending}>
              Delete files
            </button>
          )}
        </div>
      }
    >
      <ErrorNote error={cancel.error ?? retry.error} />
      <Section title="Status">
        <p>
          <Status status={job.status} /> <span className="mono muted">{job.id}</span>
        </p>
        <progress max={100} value={job.progress} aria-label="Job progress" /> <span>{Math.round(job.progress)}%</span>
        {job.error && (
          <p className="form-error" role="alert">
            {job.error.message} <span className="code">({job.error.code})</span>
          </p>
        )}
        <dl className="facts">
          <dt>Created</dt>
          <dd>{fmtDate(job.created_at)}</dd>
          <dt>Started</dt>
          <dd>{fmtDate(job.started_at)}</dd>
          <dt>Finished</dt>
          <dd>{fmtDate(job.completed_at)}</dd>
          {job.started_at && job.completed_at && (
            <>
              <dt>Took</dt>
              <dd>{((Date.parse(job.completed_at) - Date.parse(job.started_at)) / 1000).toFixed(1)} s</dd>
            </>
          )}
        </dl>
      </Section>
      <HooksList job={job} />
      {job.outputs.length > 0 && <Outputs job={job} />}
      {job.outputs_expired_at && <p className="muted">The outputs expired on {fmtDate(job.outputs_expired_at)}.</p>}
      <Section title="Parameters">
        <pre className="params">{JSON.stringify(job.params, null, 2)}</pre>
      </Section>
    </Page>
  );
}

/**
 * Local-storage links are the gateway's own `/v1/files/…`: use them on this origin (the one that
 * served the page), whatever host PUBLIC_BASE_URL names. Presigned S3 links stay as they are.
 */
function sameOrigin(url: string | undefined): string | undefined {
  if (!url) return url;
  const u = new URL(url, location.origin);
  return u.pathname.startsWith('/v1/files/') ? u.pathname + u.search : url;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Outputs({ job }: { job: Job }) {
  // Media elements cannot send a bearer token: preview and download through the signed links.
  const links = useQuery<Record<string, string>>(`jobs:${job.id}:links`, async () => {
    const entries = await Promise.all(
      job.outputs.map(async (o) => {
        const r = await unwrap<{ url: string }>(api.GET('/v1/jobs/{id}/outputs/{name}/url', { params: { path: { id: job.id, name: o.name } } }));
        return [o.name, r.url] as const;
      }),
    );
    return Object.fromEntries(entries);
  });
  const url = (o: JobOutput) => sameOrigin(links.data?.[o.name]);
  const video = job.outputs.find((o) => o.content_type.startsWith('video/'));
  const image = job.outputs.find((o) => o.content_type.startsWith('image/'));
  const vtt = job.outputs.find((o) => o.name.endsWith('.vtt'));
  return (
    <Section title="Outputs">
      <ErrorNote error={links.error} />
      {job.type === 'shorts' && <ClipsGrid job={job} url={url} />}
      {job.type !== 'shorts' && video && url(video) && (
        <video className="preview" controls preload="metadata" src={url(video)} aria-label="Preview of the output video">
          {vtt && url(vtt) && <track kind="captions" src={url(vtt)} srcLang="en" label="Transcript" default />}
        </video>
      )}
      {job.type !== 'shorts' && !video && image && url(image) && <img className="preview" src={url(image)} alt="Output image" />}
      <ul className="outputs">
        {job.outputs.map((o) => (
          <li key={o.name}>
            <span className="mono">{o.name}</span> <span className="muted">{fmtBytes(o.size)}</span>{' '}
            {url(o) && (
              <>
                <a href={url(o)} download={o.name}>
                  Download {o.name}
                </a>{' '}
                <CopyButton text={url(o)!} label={`Copy share link for ${o.name}`} />
              </>
            )}
          </li>
        ))}
      </ul>
      {vtt && url(vtt) && <Transcript url={url(vtt)!} />}
    </Section>
  );
}

/** The transcript with its timestamps, from the WebVTT output. */
function Transcript({ url }: { url: string }) {
  const q = useQuery<{ at: string; text: string }[]>(`transcript:${url}`, async () => {
    const res = await fetch(url);
    if (!res.ok) throw toApiError(res.status, undefined);
    const cues: { at: string; text: string }[] = [];
    for (const block of (await res.text()).split(/\r?\n\r?\n/)) {
      const lines = block.split(/\r?\n/);
      const i = lines.findIndex((l) => l.includes('-->'));
      if (i >= 0) cues.push({ at: lines[i].split('-->')[0].trim(), text: lines.slice(i + 1).join(' ') });
    }
    return cues;
  });
  return (
    <div>
      <h3>Transcript</h3>
      <ErrorNote error={q.error} />
      <ol className="transcript">
        {q.data?.map((c, i) => (
          <li key={i}>
            <span className="mono muted">{c.at}</span> {c.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
