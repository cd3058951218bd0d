import { useState } from 'react';
import type { paths } from '@clipyard/client';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import type { ApiKey, Page as ListPage } from '../api/types';
import { CopyButton, Empty, ErrorNote, fmtDate, Loading, Page, Section, Status } from '../ui/bits';
import { Check, Field, FormError, Select, Submit } from '../ui/form';

type Scope = NonNullable<NonNullable<paths['/v1/api-keys']['post']['requestBody']>['content']['application/json']['scopes']>[number];
const SCOPES: Scope[] = ['jobs:read', 'jobs:write', 'files:read', 'files:write', 'usage:read', 'account:read', 'account:write', 'webhooks:read', 'webhooks:write'];

/** A new or rolled secret: shown once, with a copy button. */
function Secret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <div className="secret" role="status">
      <p>
        <strong>{name}</strong>: copy this key now — it is shown only once.
      </p>
      <p className="row">
        <code className="mono" aria-label="New API key">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy key" />
        <button type="button" onClick={onDone}>
          Done
        </button>
      </p>
    </div>
  );
}

export function ApiKeysPage() {
  const keys = useQuery<ListPage<ApiKey>>('keys', () => unwrap(api.GET('/v1/api-keys', {})));
  const [shown, setShown] = useState<{ name: string; key: string }>();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const create = useMutation(
    () =>
      unwrap<ApiKey & { key: string }>(
        api.POST('/v1/api-keys', {
          body: { name, ...(days ? { expires_in_days: Number(days) } : {}), ...(scopes.length ? { scopes } : {}) },
        }),
      ),
    (k) => {
      setShown({ name: k.name, key: k.key });
      setName('');
      setDays('');
      setScopes([]);
      invalidate('keys');
    },
  );
  const roll = useMutation(
    (id: string, grace: number) => unwrap<ApiKey & { key: string }>(api.POST('/v1/api-keys/{id}/roll', { params: { path: { id } }, body: { grace_seconds: grace } })),
    (k) => {
      setShown({ name: `${k.name} (rolled)`, key: k.key });
      invalidate('keys');
    },
  );
  const revoke = useMutation((id: string) => unwrap(api.DELETE('/v1/api-keys/{id}', { params: { path: { id } } })), () => invalidate('keys'));
  const [grace, setGrace] = useState('86400');

  return (
    <Page title="API keys">
      {shown && <Secret name={shown.name} secret={shown.key} onDone={() => setShown(undefined)} />}
      <Section title="Create a key">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create.run();
          }}
          noValidate
        >
          <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={create.error} placeholder="e.g. production server" />
          <Field label="Expires in days (empty = never)" name="expires_in_days" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} error={create.error} />
          <fieldset>
            <legend>Scopes (none = everything you can do)</legend>
            <div className="checks">
              {SCOPES.map((s) => (
                <Check key={s} label={s} checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} />
              ))}
            </div>
          </fieldset>
          <FormError error={create.error} fields={['name', 'expires_in_days', 'scopes']} />
          <Submit pending={create.pending} pendingText="Creating…">
            Create key
          </Submit>
        </form>
      </Section>
      <Section title="Your keys">
        <ErrorNote error={keys.error ?? revoke.error ?? roll.error} />
        {!keys.data && !keys.error && <Loading />}
        {keys.data && keys.data.data.length === 0 && <Empty>No API keys yet. Create one above to call the API from your code.</Empty>}
        {keys.data && keys.data.data.length > 0 && (
          <>
            <Select
              label="When rolling, the old secret keeps working for"
              name="grace_seconds"
              value={grace}
              onChange={(e) => setGrace(e.target.value)}
              options={[['0', 'no time (stop at once)'], ['3600', '1 hour'], ['86400', '24 hours'], ['604800', '7 days']]}
            />
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Requests</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {keys.data.data.map((k) => (
                    <tr key={k.id}>
                      <td>{k.name}</td>
                      <td className="mono">
                        {k.prefix}…{k.last4}
                      </td>
                      <td>
                        <Status status={k.status} />
                        {k.expires_at && <div className="muted">expires {fmtDate(k.expires_at)}</div>}
                      </td>
                      <td>
                        {fmtDate(k.last_used_at)}
                        {k.last_used_ip && <div className="muted">{k.last_used_ip}</div>}
                      </td>
                      <td>{k.total_requests.toLocaleString('en')}</td>
                      <td className="actions">
                        {k.status !== 'revoked' && k.status !== 'expired' && (
                          <>
                            <button type="button" onClick={() => void roll.run(k.id, Number(grace))} aria-label={`Roll ${k.name}`}>
                              Roll
                            </button>
                            <button type="button" className="danger" onClick={() => void revoke.run(k.id)} aria-label={`Revoke ${k.name}`}>
                              Revoke
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Section>
    </Page>
  );
}
