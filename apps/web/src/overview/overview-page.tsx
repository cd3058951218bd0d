import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useQuery } from '../api/hooks';
import type { Job, Me, Page as ListPage, ProviderKey, Subscription, UsageSummary } from '../api/types';
import { JobsTable } from '../jobs/jobs-table';
import { VerifyEmailPrompt } from '../account/email-sections';
import { UpgradeTrial } from '../auth/trial';
import { Link } from '../router';
import { Empty, ErrorNote, fmtDate, Loading, Page, Section, UsageBar } from '../ui/bits';

export function OverviewPage({ me }: { me?: Me }) {
  const sub = useQuery<Subscription>('subscription', () => unwrap(api.GET('/v1/subscription', {})));
  const usage = useQuery<UsageSummary>('usage:summary', () => unwrap(api.GET('/v1/usage/summary', {})));
  const jobs = useQuery<ListPage<Job>>('jobs:recent', () => unwrap(api.GET('/v1/jobs', { params: { query: { limit: 5 } } })));
  const pkeys = useQuery<ListPage<ProviderKey>>('provider-keys', () => unwrap(api.GET('/v1/provider-keys', {})));
  const u = usage.data;
  return (
    <Page title="Overview">
      {me?.is_anonymous && <UpgradeTrial me={me} />}
      {me && !me.is_anonymous && me.email_verified === false && <VerifyEmailPrompt me={me} />}
      {pkeys.data && pkeys.data.data.length === 0 && (
        <p className="notice" role="status">
          Transcription and subtitles use your own provider key. <Link to="/provider-keys">Add a provider key</Link>
        </p>
      )}
      <div className="grid">
        <Section title="Plan">
          <ErrorNote error={sub.error} />
          {sub.data ? (
            <dl className="facts">
              <dt>Plan</dt>
              <dd className="plan">{sub.data.plan}</dd>
              <dt>Status</dt>
              <dd>{sub.data.status}</dd>
              <dt>Usage resets</dt>
              <dd>{fmtDate(u?.resets_at ?? sub.data.current_period_end)}</dd>
            </dl>
          ) : (
            !sub.error && <Loading />
          )}
        </Section>
        <Section title="This month">
          <ErrorNote error={usage.error} />
          {u ? (
            <>
              <UsageBar label="Trims" used={u.actions.trim.used + u.actions.trim.reserved} limit={u.actions.trim.limit} />
              <UsageBar label="Overlays" used={u.actions.overlay.used + u.actions.overlay.reserved} limit={u.actions.overlay.limit} />
              <UsageBar label="Transcriptions" used={u.actions.transcribe.used + u.actions.transcribe.reserved} limit={u.actions.transcribe.limit} />
              {u.actions.hooks && <UsageBar label="Hooks" used={u.actions.hooks.used + u.actions.hooks.reserved} limit={u.actions.hooks.limit} />}
              <UsageBar label="Transcription minutes" used={u.transcribe_minutes.used + u.transcribe_minutes.reserved} limit={u.transcribe_minutes.limit} />
              <p className="muted">
                {u.api_requests.toLocaleString('en')} API requests · resets {fmtDate(u.resets_at)} · <Link to="/usage">Usage details</Link>
              </p>
            </>
          ) : (
            !usage.error && <Loading />
          )}
        </Section>
      </div>
      <Section title="Recent jobs">
        <ErrorNote error={jobs.error} />
        {jobs.data && jobs.data.data.length === 0 && (
          <Empty>
            No jobs yet. <Link to="/jobs/new">Upload a video and start your first job</Link>.
          </Empty>
        )}
        {jobs.data && jobs.data.data.length > 0 && <JobsTable jobs={jobs.data.data} />}
      </Section>
    </Page>
  );
}
