import { useState } from 'react';
import type { ApiError } from '../api/errors';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import type { Page as ListPage, Provider, ProviderKey } from '../api/types';
import { Empty, ErrorNote, fmtDate, Loading, Page, Section, Status } from '../ui/bits';
import { Field, FormError, Select, Submit } from '../ui/form';

export function ProviderKeysPage() {
  const providers = useQuery<ListPage<Provider>>('providers', () => unwrap(api.GET('/v1/providers', {})));
  const keys = useQuery<ListPage<ProviderKey>>('provider-keys', () => unwrap(api.GET('/v1/provider-keys', {})));
  const [provider, setProvider] = useState('openai');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [label, setLabel] = useState('');
  const chosen = providers.data?.data.find((p) => p.id === provider);
  const set = useMutation(
    () =>
      unwrap(
        api.PUT('/v1/provider-keys/{provider}', {
          params: { path: { provider } },
          body: { api_key: apiKey, ...(baseUrl ? { base_url: baseUrl } : {}), ...(label ? { label } : {}) },
        }),
      ),
    () => {
      setApiKey('');
      invalidate('provider-keys');
    },
  );
  const [tests, setTests] = useState<Record<string, KeyTest | ApiError>>({});
  const [testing, setTesting] = useState<string>();
  const test = async (p: string) => {
    setTesting(p);
    try {
      const r = await unwrap<KeyTest>(api.POST('/v1/provider-keys/{provider}/test', { params: { path: { provider: p } } }));
      setTests((t) => ({ ...t, [p]: r }));
    } catch (e) {
      setTests((t) => ({ ...t, [p]: e as ApiError }));
    } finally {
      setTesting(undefined);
      invalidate('provider-keys'); // a rejected key now shows its last error; a working one no longer does
    }
  };
  const del = useMutation((p: string) => unwrap(api.DELETE('/v1/provider-keys/{provider}', { params: { path: { provider: p } } })), () => invalidate('provider-keys'));
  return (
    <Page title="Provider keys">
      <p className="muted">Transcription and subtitles call your provider with your own key. Keys are encrypted at rest and only the last four characters are ever shown.</p>
      <Section title="Set a key">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void set.run();
          }}
          noValidate
        >
          <Select
            label="Provider"
            name="provider"
            value={provider}
            onChange={(e) => setProvider(e.target.value)}
            options={(providers.data?.data ?? [{ id: 'openai', name: 'OpenAI' } as Provider]).map((p) => [p.id, p.name])}
          />
          <Field label="API key" name="api_key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} error={set.error} />
          <Field
            label={chosen?.requires_base_url ? 'Base URL' : 'Base URL (optional)'}
            name="base_url"
            type="url"
            placeholder={chosen?.default_base_url ?? 'https://…/v1'}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            error={set.error}
          />
          <Field label="Label (optional)" name="label" value={label} onChange={(e) => setLabel(e.target.value)} error={set.error} />
          <FormError error={set.error} fields={['api_key', 'base_url', 'label']} />
          <Submit pending={set.pending} pendingText="Saving…">
            Save key
          </Submit>
        </form>
      </Section>
      <Section title="Your provider keys">
        <ErrorNote error={keys.error ?? del.error} />
        {!keys.data && !keys.error && <Loading />}
        {keys.data && keys.data.data.length === 0 && <Empty>No provider key yet. Add one above to transcribe or subtitle your videos.</Empty>}
        {keys.data && keys.data.data.length > 0 && (
          <ul className="list">
            {keys.data.data.map((k) => (
              <li key={k.provider}>
                <div>
                  <strong>{k.label ?? k.provider}</strong> <span className="mono">••••{k.last4}</span> <Status status={k.status} />
                  <div className="muted">
                    {k.base_url ?? 'default endpoint'} · updated {fmtDate(k.updated_at)} · last used {fmtDate(k.last_used_at)}
                  </div>
                  {k.last_error && <div className="form-error">{k.last_error}</div>}
                  <TestResult result={tests[k.provider]} />
                </div>
                <button type="button" onClick={() => void test(k.provider)} disabled={testing === k.provider} aria-busy={testing === k.provider || undefined} aria-label={`Test the ${k.provider} key`}>
                  {testing === k.provider ? 'Testing…' : 'Test'}
                </button>
                <button type="button" className="danger" onClick={() => void del.run(k.provider)} aria-label={`Delete the ${k.provider} key`}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}

interface KeyTest {
  ok: boolean;
  code?: string;
  message?: string;
  http_status?: number;
  latency_ms: number;
}

/** What the last test of a key found: the provider's answer through the worker, or the API's error. */
function TestResult({ result }: { result?: KeyTest | ApiError }) {
  if (!result) return null;
  if (result instanceof Error) return <ErrorNote error={result} />;
  if (result.ok)
    return (
      <p className="ok" role="status">
        The key works: the provider answered in {result.latency_ms} ms.
      </p>
    );
  return (
    <p className="form-error" role="alert">
      The key did not work: {result.message} <span className="code">({result.code})</span>
    </p>
  );
}
