import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Page, Section } from '../ui/bits';

export function AdminPage() {
  const usage = useQuery<unknown>('admin:usage', () => unwrap(api.GET('/v1/admin/usage', {})));
  return (
    <Page title="Admin">
      <Section title="Queues">
        <p>
          <a href="/admin/queues">Open the queue dashboard</a> (Bull Board).
        </p>
      </Section>
      <Section title="Usage overview">
        <ErrorNote error={usage.error} />
        {!usage.data && !usage.error && <Loading />}
        {usage.data !== undefined && <pre className="params">{JSON.stringify(usage.data, null, 2)}</pre>}
      </Section>
    </Page>
  );
}
