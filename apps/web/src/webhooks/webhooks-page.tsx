import { useState } from 'react';
import type { paths } from '@clipyard/client';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import type { Delivery, Page as ListPage, Webhook } from '../api/types';
import { CopyButton, Empty, ErrorNote, fmtDate, Loading, Page, Section, Status } from '../ui/bits';
import { Check, Field, FormError, Submit } from '../ui/form';

type EventType = NonNullable<paths['/v1/webhooks']['post']['requestBody']>['content']['application/json']['events'][number];
const EVENTS: EventType[] = ['job.completed', 'job.failed', 'job.canceled', 'usage.threshold_reached'];

export function WebhooksPage() {
  const hooks = useQuery<ListPage<Webhook>>('webhooks', () => unwrap(api.GET('/v1/webhooks', {})));
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>(['job.completed', 'job.failed']);
  const [secret, setSecret] = useState<string>();
  const [open, setOpen] = useState<string>();
  const create = useMutation(() => unwrap<Webhook>(api.POST('/v1/webhooks', { body: { url, events } })), (w) => {
    setSecret(w.secret);
    setUrl('');
    invalidate('webhooks');
  });
  const del = useMutation((id: string) => unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } })), () => invalidate('webhooks'));
  const rotate = useMutation((id: string) => unwrap<Webhook>(api.POST('/v1/webhooks/{id}/rotate-secret', { params: { path: { id } }, body: {} })), (w) => {
    setSecret(w.secret);
    invalidate('webhooks');
  });
  const test = useMutation((id: string) => unwrap(api.POST('/v1/webhooks/{id}/test', { params: { path: { id } } })), () => invalidate('deliveries'));
  return (
    <Page title="Webhooks">
      {secret && (
        <div className="secret" role="status">
          <p>Signing secret — shown only once:</p>
          <p className="row">
            <code className="mono" aria-label="Webhook signing secret">
              {secret}
            </code>
            <CopyButton text={secret} label="Copy secret" />
            <button type="button" onClick={() => setSecret(undefined)}>
              Done
            </button>
          </p>
        </div>
      )}
      <Section title="Add an endpoint">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create.run();
          }}
          noValidate
        >
          <Field label="Endpoint URL" name="url" type="url" placeholder="https://example.com/hooks/clipyard" value={url} onChange={(e) => setUrl(e.target.value)} error={create.error} />
          <fieldset>
            <legend>Events</legend>
            <div className="checks">
              {EVENTS.map((ev) => (
                <Check key={ev} label={ev} checked={events.includes(ev)} onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} />
              ))}
            </div>
          </fieldset>
          <FormError error={create.error} fields={['url', 'events']} />
          <Submit pending={create.pending}>Add endpoint</Submit>
        </form>
      </Section>
      <Section title="Endpoints">
        <ErrorNote error={hooks.error ?? del.error ?? rotate.error ?? test.error} />
        {!hooks.data && !hooks.error && <Loading />}
        {hooks.data && hooks.data.data.length === 0 && <Empty>No endpoints yet. Add one above to hear when your jobs finish.</Empty>}
        <ul className="list">
          {hooks.data?.data.map((w) => (
            <li key={w.id} className="stack">
              <div>
                <strong className="mono">{w.url}</strong>
                <div className="muted">{w.events.join(', ')}</div>
              </div>
              <div className="actions">
                <button type="button" onClick={() => void test.run(w.id)} aria-label={`Send a test event to ${w.url}`}>
                  Test
                </button>
                <button type="button" onClick={() => void rotate.run(w.id)} aria-label={`Rotate the secret of ${w.url}`}>
                  Rotate secret
                </button>
                <button type="button" onClick={() => setOpen(open === w.id ? undefined : w.id)} aria-expanded={open === w.id}>
                  Deliveries
                </button>
                <button type="button" className="danger" onClick={() => void del.run(w.id)} aria-label={`Delete ${w.url}`}>
                  Delete
                </button>
              </div>
              {open === w.id && <Deliveries id={w.id} />}
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}

function Deliveries({ id }: { id: string }) {
  const q = useQuery<ListPage<Delivery>>(`deliveries:${id}`, () => unwrap(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 20 } } })));
  const redeliver = useMutation(
    (d: string) => unwrap(api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId: d } } })),
    () => invalidate(`deliveries:${id}`),
  );
  return (
    <div>
      <ErrorNote error={q.error ?? redeliver.error} />
      {q.data && q.data.data.length === 0 && <Empty>No deliveries yet: press Test to send one.</Empty>}
      <ul className="list compact">
        {q.data?.data.map((d) => (
          <li key={d.id}>
            <span>
              <span className="mono">{d.event_type}</span> <Status status={d.status} /> {d.last_status_code ?? ''} {d.last_error && <span className="form-error">{d.last_error}</span>}
            </span>
            <span className="muted">
              {fmtDate(d.created_at)} · {d.attempts} attempt(s)
            </span>
            <button type="button" onClick={() => void redeliver.run(d.id)}>
              Redeliver
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
