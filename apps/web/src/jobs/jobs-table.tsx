import type { Job } from '../api/types';
import { Link } from '../router';
import { fmtDate, Status } from '../ui/bits';

export function JobsTable({ jobs }: { jobs: Job[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id}>
              <td>
                <Link to={`/jobs/${j.id}`}>
                  {j.type} <span className="mono muted">{j.id.slice(0, 8)}</span>
                </Link>
              </td>
              <td>
                <Status status={j.status} />
              </td>
              <td>
                <progress max={100} value={j.progress} aria-label={`Progress of ${j.type} ${j.id.slice(0, 8)}`} /> {Math.round(j.progress)}%
              </td>
              <td>{fmtDate(j.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const isLive = (j: Job) => j.status === 'queued' || j.status === 'active';
