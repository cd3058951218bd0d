import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { ApiError } from '../api/errors';
import { useQuery } from '../api/hooks';
import type { Job, Page as ListPage, ProviderKey, Upload } from '../api/types';
import { Link } from '../router';
import { fmtDate } from '../ui/bits';
import { Check, Field, FormError, Select, Submit } from '../ui/form';
import { useSubmit, type Body } from './submit';

type Provider = NonNullable<Body<'hooks'>['provider']>;
/** The providers whose keys can run the language model (the API's enum for `provider`). */
const CHAT: Record<Provider, true> = { openai: true, groq: true, openai_compatible: true, anthropic: true };

interface Options {
  count: string;
  min_s: string;
  max_s: string;
  language: string;
  provider: string;
  model: string;
  topics: string;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** The fields hooks and shorts share, as the API names them (so its errors land on them). */
function toBody(o: Options) {
  const topics = o.topics
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    ...(num(o.count) !== undefined ? { count: num(o.count)! } : {}),
    ...(num(o.min_s) !== undefined ? { min_s: num(o.min_s)! } : {}),
    ...(num(o.max_s) !== undefined ? { max_s: num(o.max_s)! } : {}),
    ...(o.language ? { language: o.language } : {}),
    ...(o.provider ? { provider: o.provider as Provider } : {}),
    ...(o.model ? { model: o.model } : {}),
    ...(topics.length ? { topics } : {}),
  };
}

function HookOptions({ o, set, m, clips }: { o: Options; set: (o: Options) => void; m: { error?: ApiError }; clips?: boolean }) {
  const keys = useQuery<ListPage<ProviderKey>>('provider-keys', () => unwrap(api.GET('/v1/provider-keys', {})));
  const chat = (keys.data?.data ?? []).filter((k) => k.provider in CHAT);
  const on = (k: keyof Options) => (e: { target: { value: string } }) => set({ ...o, [k]: e.target.value });
  return (
    <>
      {keys.data && chat.length === 0 && (
        <p className="notice" role="status">
          Finding hooks runs a language model with your own key (OpenAI, Groq, Anthropic or an OpenAI-compatible server). <Link to="/provider-keys">Add a key first</Link>.
        </p>
      )}
      <div className="row">
        <Field label={clips ? 'Clips' : 'How many hooks'} name="count" inputMode="numeric" value={o.count} onChange={on('count')} error={m.error} />
        <Field label="Shortest (seconds)" name="min_s" inputMode="decimal" value={o.min_s} onChange={on('min_s')} error={m.error} />
        <Field label="Longest (seconds)" name="max_s" inputMode="decimal" value={o.max_s} onChange={on('max_s')} error={m.error} />
      </div>
      <Select
        label="Language model"
        name="provider"
        value={o.provider}
        onChange={on('provider')}
        options={[['', 'Your first chat key'], ...chat.map((k): [string, string] => [k.provider, k.label ?? k.provider])]}
        error={m.error}
      />
      <Field label="Model (empty = the provider's default)" name="model" value={o.model} onChange={on('model')} error={m.error} />
      <Field label="Topics to prefer (comma-separated)" name="topics" value={o.topics} onChange={on('topics')} error={m.error} />
      <Field label="Language of titles (ISO code, optional)" name="language" value={o.language} onChange={on('language')} error={m.error} />
    </>
  );
}

const FIELDS = ['input', 'count', 'min_s', 'max_s', 'provider', 'model', 'topics', 'language'];

function PlanNote({ features }: { features?: string[] }) {
  if (!features || features.includes('hook_detection')) return null;
  return (
    <p className="notice" role="status">
      Hooks and shorts are not in your plan; the API will refuse them until you upgrade.
    </p>
  );
}

/** Hooks: the best moments for short clips, from the upload or an earlier transcription. */
export function HooksForm({ upload, features }: { upload?: Upload; features?: string[] }) {
  const done = useQuery<ListPage<Job>>('jobs:transcriptions', () =>
    unwrap(api.GET('/v1/jobs', { params: { query: { type: 'transcribe', status: 'completed', limit: 20 } } })),
  );
  const [source, setSource] = useState('');
  const [o, set] = useState<Options>({ count: '3', min_s: '15', max_s: '60', language: '', provider: '', model: '', topics: '' });
  const m = useSubmit('hooks');
  const transcripts = done.data?.data ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = source ? { job_id: source } : upload ? { upload_id: upload.id } : undefined;
    void m.run({ ...(input ? { input } : {}), ...toBody(o) } as Body<'hooks'>);
  };
  if (!upload && transcripts.length === 0) return <p className="muted">Upload a file or pick an earlier upload first.</p>;
  return (
    <form onSubmit={submit} noValidate>
      <PlanNote features={features} />
      <Select
        label="Transcript"
        name="input"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        options={[
          ...(upload ? [['', `Transcribe ${upload.filename ?? 'the upload'} first`] as [string, string]] : [['', 'Choose a transcription…'] as [string, string]]),
          ...transcripts.map((j): [string, string] => [j.id, `Reuse the transcription of ${fmtDate(j.created_at)} (${j.id.slice(0, 8)})`]),
        ]}
        error={m.error}
      />
      <HookOptions o={o} set={set} m={m} />
      <FormError error={m.error} fields={FIELDS} />
      <Submit pending={m.pending} pendingText="Starting…">
        Find hooks
      </Submit>
    </form>
  );
}

/** Shorts: transcribe, find hooks, cut one vertical captioned clip per hook, in one job. */
export function ShortsForm({ upload, features }: { upload: Upload; features?: string[] }) {
  const [o, set] = useState<Options>({ count: '3', min_s: '15', max_s: '60', language: '', provider: '', model: '', topics: '' });
  const [vertical, setVertical] = useState<'crop' | 'pad'>('crop');
  const [subtitles, setSubtitles] = useState(true);
  const m = useSubmit('shorts');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void m.run({ input: { upload_id: upload.id }, ...toBody(o), vertical, subtitles } as Body<'shorts'>);
      }}
      noValidate
    >
      <PlanNote features={features} />
      <HookOptions o={o} set={set} m={m} clips />
      <Select label="Vertical 9:16" name="vertical" value={vertical} onChange={(e) => setVertical(e.target.value as typeof vertical)} options={[['crop', 'Crop to 9:16'], ['pad', 'Pad to 9:16']]} error={m.error} />
      <Check label="Burn in captions" checked={subtitles} onChange={(e) => setSubtitles(e.target.checked)} />
      <FormError error={m.error} fields={[...FIELDS, 'vertical']} />
      <Submit pending={m.pending} pendingText="Starting…">
        Make shorts
      </Submit>
    </form>
  );
}
