import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import type { Job, Page as ListPage, ProviderKey, Subscription, Upload } from '../api/types';
import { Link } from '../router';
import { ErrorNote, fmtBytes, fmtSeconds, Page, Section } from '../ui/bits';
import { Check, Field, FormError, Select, Submit } from '../ui/form';
import { uploadFile } from './upload';
import { useSubmit, type Kind } from './submit';
import { HooksForm, ShortsForm } from './hooks-forms';

const TEMPLATES = ['default', 'title', 'caption', 'lower_third', 'watermark'] as const;

export function NewJobPage() {
  const sub = useQuery<Subscription>('subscription', () => unwrap(api.GET('/v1/subscription', {})));
  const uploads = useQuery<ListPage<Upload>>('uploads', () => unwrap(api.GET('/v1/uploads', { params: { query: { limit: 50 } } })));
  const [upload, setUpload] = useState<Upload>();
  const [localUrl, setLocalUrl] = useState<string>();
  const [kind, setKind] = useState<Kind>('trim');
  useEffect(() => () => void (localUrl && URL.revokeObjectURL(localUrl)), [localUrl]);

  return (
    <Page title="New job">
      <Section title="1. Media">
        <UploadForm
          maxBytes={sub.data?.limits.max_file_bytes}
          onDone={(u, file) => {
            setUpload(u);
            setLocalUrl(file ? URL.createObjectURL(file) : undefined);
            invalidate('uploads');
          }}
        />
        {uploads.data && uploads.data.data.length > 0 && (
          <Select
            label="Or use an earlier upload"
            name="upload_id"
            value={upload?.id ?? ''}
            options={[['', 'Choose an upload…'], ...uploads.data.data.map((u): [string, string] => [u.id, `${u.filename ?? u.id.slice(0, 8)} (${fmtBytes(u.size)})`])]}
            onChange={(e) => {
              setUpload(uploads.data!.data.find((u) => u.id === e.target.value));
              setLocalUrl(undefined);
            }}
          />
        )}
        {upload && (
          <p className="notice" role="status">
            Using <strong>{upload.filename ?? upload.id}</strong>
            {upload.duration_s !== undefined && ` · ${fmtSeconds(upload.duration_s)}`}
          </p>
        )}
      </Section>
      <Section title="2. What to do">
        <fieldset className="tabs">
          <legend>Job type</legend>
          {(['trim', 'overlay', 'transcribe', 'hooks', 'shorts'] as Kind[]).map((k) => (
            <label key={k} className={kind === k ? 'tab on' : 'tab'}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k[0].toUpperCase() + k.slice(1)}
            </label>
          ))}
        </fieldset>
        {!upload && kind !== 'hooks' && <p className="muted">Upload a file or pick an earlier upload first.</p>}
        {upload && kind === 'trim' && <TrimForm upload={upload} previewUrl={localUrl} />}
        {upload && kind === 'overlay' && <OverlayForm upload={upload} previewUrl={localUrl} />}
        {upload && kind === 'transcribe' && <TranscribeForm upload={upload} />}
        {kind === 'hooks' && <HooksForm upload={upload} features={sub.data?.features} />}
        {upload && kind === 'shorts' && <ShortsForm upload={upload} features={sub.data?.features} />}
      </Section>
    </Page>
  );
}

function UploadForm({ maxBytes, onDone }: { maxBytes?: number | null; onDone: (u: Upload, f?: File) => void }) {
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const m = useMutation(async () => {
    setProgress(0);
    try {
      const u = await uploadFile(file!, setProgress);
      onDone(u, file);
      return u;
    } finally {
      setProgress(undefined);
    }
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) void m.run();
      }}
    >
      <Field
        label="Video or audio file"
        name="file"
        type="file"
        accept="video/*,audio/*,image/*"
        onChange={(e) => setFile(e.target.files?.[0])}
        hint={maxBytes !== undefined ? `Your plan accepts files up to ${fmtBytes(maxBytes)}.` : undefined}
        error={m.error}
      />
      {progress !== undefined && (
        <p>
          <progress max={1} value={progress} aria-label="Upload progress" /> {Math.round(progress * 100)}%
        </p>
      )}
      <FormError error={m.error} fields={['file']} />
      <Submit pending={m.pending} pendingText="Uploading…">
        Upload
      </Submit>
    </form>
  );
}

function TrimForm({ upload, previewUrl }: { upload: Upload; previewUrl?: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [start, setStart] = useState('0');
  const [end, setEnd] = useState(upload.duration_s ? String(Math.min(upload.duration_s, 10)) : '5');
  const [mode, setMode] = useState<'fast' | 'precise'>('fast');
  const [vertical, setVertical] = useState<'' | 'crop' | 'pad'>('');
  const [thumbnail, setThumbnail] = useState(false);
  const [subtitles, setSubtitles] = useState(false);
  const m = useSubmit('trim');
  const at = () => (video.current ? video.current.currentTime.toFixed(2) : '0');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void m.run({
      input: { upload_id: upload.id },
      start: Number(start),
      end: Number(end),
      mode,
      ...(vertical ? { vertical } : {}),
      thumbnail,
      subtitles,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      {previewUrl && <video ref={video} className="preview" src={previewUrl} controls preload="metadata" aria-label="Preview of the uploaded video" />}
      <div className="row">
        <Field label="Start (seconds)" name="start" inputMode="decimal" value={start} onChange={(e) => setStart(e.target.value)} error={m.error} />
        {previewUrl && (
          <button type="button" onClick={() => setStart(at())}>
            Set start to current time
          </button>
        )}
      </div>
      <div className="row">
        <Field label="End (seconds)" name="end" inputMode="decimal" value={end} onChange={(e) => setEnd(e.target.value)} error={m.error} />
        {previewUrl && (
          <button type="button" onClick={() => setEnd(at())}>
            Set end to current time
          </button>
        )}
      </div>
      <Select label="Cut" name="mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} options={[['fast', 'Fast (keyframes, no re-encode)'], ['precise', 'Precise (re-encode)']]} error={m.error} />
      <Select label="Vertical 9:16" name="vertical" value={vertical} onChange={(e) => setVertical(e.target.value as typeof vertical)} options={[['', 'Keep the shape'], ['crop', 'Crop to 9:16'], ['pad', 'Pad to 9:16']]} error={m.error} />
      <Check label="Thumbnail" checked={thumbnail} onChange={(e) => setThumbnail(e.target.checked)} />
      <Check label="Subtitles (uses your provider key)" checked={subtitles} onChange={(e) => setSubtitles(e.target.checked)} />
      <FormError error={m.error} fields={['start', 'end', 'mode', 'vertical']} />
      <Submit pending={m.pending} pendingText="Starting…">
        Start trim
      </Submit>
    </form>
  );
}

function OverlayForm({ upload, previewUrl }: { upload: Upload; previewUrl?: string }) {
  const [text, setText] = useState('');
  const [template, setTemplate] = useState<(typeof TEMPLATES)[number]>('default');
  const m = useSubmit('overlay');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void m.run({ input: { upload_id: upload.id }, text, template });
      }}
      noValidate
    >
      <Select label="Template" name="template" value={template} onChange={(e) => setTemplate(e.target.value as typeof template)} options={TEMPLATES.map((t): [string, string] => [t, t.replace('_', ' ')])} error={m.error} />
      <Field label="Text" name="text" value={text} onChange={(e) => setText(e.target.value)} error={m.error} />
      <div className={`overlay-preview tpl-${template}`} aria-label="Live preview of the overlay">
        {previewUrl && upload.content_type.startsWith('video/') && <video src={previewUrl} muted preload="metadata" aria-hidden="true" />}
        {previewUrl && upload.content_type.startsWith('image/') && <img src={previewUrl} alt="" />}
        <span className="overlay-text">{text || 'Your text'}</span>
      </div>
      <FormError error={m.error} fields={['text', 'template']} />
      <Submit pending={m.pending} pendingText="Starting…">
        Start overlay
      </Submit>
    </form>
  );
}

function TranscribeForm({ upload }: { upload: Upload }) {
  const keys = useQuery<ListPage<ProviderKey>>('provider-keys', () => unwrap(api.GET('/v1/provider-keys', {})));
  const [language, setLanguage] = useState('');
  const [translate, setTranslate] = useState(false);
  const [provider, setProvider] = useState('');
  const m = useSubmit('transcribe');
  const noKey = keys.data && keys.data.data.length === 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void m.run({
          input: { upload_id: upload.id },
          ...(language ? { language } : {}),
          translate_to_english: translate,
          ...(provider ? { provider } : {}),
        });
      }}
      noValidate
    >
      {noKey && (
        <p className="notice" role="status">
          Transcription uses your own provider key. <Link to="/provider-keys">Add one first</Link>.
        </p>
      )}
      <Field label="Language (ISO code, empty = detect)" name="language" value={language} onChange={(e) => setLanguage(e.target.value)} error={m.error} />
      <Select
        label="Provider"
        name="provider"
        value={provider}
        onChange={(e) => setProvider(e.target.value)}
        options={[['', 'Default'], ...(keys.data?.data ?? []).map((k): [string, string] => [k.provider, k.label ?? k.provider])]}
        error={m.error}
      />
      <Check label="Translate to English" checked={translate} onChange={(e) => setTranslate(e.target.checked)} />
      <FormError error={m.error} fields={['language', 'provider']} />
      <Submit pending={m.pending} pendingText="Starting…">
        Start transcription
      </Submit>
    </form>
  );
}

