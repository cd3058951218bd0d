import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useInterval, useQuery } from '../api/hooks';
import type { Job, Page as ListPage } from '../api/types';
import type { paths } from '@clipyard/client';
import { Link } from '../router';
import { Empty, ErrorNote, Loading, More, Page } from '../ui/bits';
import { Select } from '../ui/form';
import { isLive, JobsTable } from './jobs-table';

const STATUSES: [string, string][] = [['', 'Any status'], ['queued', 'Queued'], ['active', 'Running'], ['completed', 'Completed'], ['failed', 'Failed'], ['canceled', 'Canceled']];
const TYPES: [string, string][] = [['', 'Any type'], ['trim', 'Trim'], ['overlay', 'Overlay'], ['transcribe', 'Transcribe'], ['hooks', 'Hooks'], ['shorts', 'Shorts']];

type JobsQuery = NonNullable<paths['/v1/jobs']['get']['parameters']['query']>;

export function JobsPage() {
  const [status, setStatus] = useState<NonNullable<JobsQuery['status']> | ''>('');
  const [type, setType] = useState<NonNullable<JobsQuery['type']> | ''>('');
  const [more, setMore] = useState<Job[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const query: JobsQuery = { limit: 20, ...(status ? { status } : {}), ...(type ? { type } : {}) };
  const first = useQuery<ListPage<Job>>(`jobs:list:${status}:${type}`, () => unwrap(api.GET('/v1/jobs', { params: { query } })));
  // Live progress: re-read the first page while any job on it is queued or running.
  useInterval(first.reload, 2000, !!first.data?.data.some(isLive));
  const jobs = [...(first.data?.data ?? []), ...more];
  const next = more.length ? cursor : first.data?.next_cursor;
  const loadMore = async (c: string) => {
    setLoadingMore(true);
    try {
      const page = await unwrap<ListPage<Job>>(api.GET('/v1/jobs', { params: { query: { ...query, cursor: c } } }));
      setMore((m) => [...m, ...page.data]);
      setCursor(page.next_cursor ?? null);
    } finally {
      setLoadingMore(false);
    }
  };
  const reset = () => {
    setMore([]);
    setCursor(undefined);
  };
  return (
    <Page title="Jobs" actions={<Link to="/jobs/new" className="button primary">New job</Link>}>
      <div className="filters">
        <Select label="Status" name="status" value={status} options={STATUSES} onChange={(e) => (setStatus(e.target.value as typeof status), reset())} />
        <Select label="Type" name="type" value={type} options={TYPES} onChange={(e) => (setType(e.target.value as typeof type), reset())} />
      </div>
      <ErrorNote error={first.error} />
      {!first.data && !first.error && <Loading what="Loading jobs" />}
      {first.data && jobs.length === 0 && (
        <Empty>
          {status || type ? 'No job matches these filters.' : 'No jobs yet.'} <Link to="/jobs/new">Start a job</Link>.
        </Empty>
      )}
      {jobs.length > 0 && <JobsTable jobs={jobs} />}
      <More cursor={next} onMore={(c) => void loadMore(c)} pending={loadingMore} />
    </Page>
  );
}
