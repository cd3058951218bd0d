import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import { Empty, ErrorNote, fmtDate, Loading, Section } from '../ui/bits';

interface Identity {
  id: string;
  provider: string;
  email: string | null;
  email_verified: boolean;
  created_at: string;
  last_used_at: string | null;
}

/** Provider accounts (Google, GitHub, OpenID Connect) that sign in to this account; unlink one. */
export function Identities() {
  const q = useQuery<{ data: Identity[] }>('identities', () => unwrap(api.GET('/v1/auth/identities', {})));
  const unlink = useMutation((id: string) => unwrap(api.DELETE('/v1/auth/identities/{id}', { params: { path: { id } } })), () => invalidate('identities'));
  return (
    <Section title="Linked sign-in providers">
      <ErrorNote error={q.error ?? unlink.error} />
      {!q.data && !q.error && <Loading />}
      {q.data && q.data.data.length === 0 && <Empty>No provider account is linked. You sign in with your email.</Empty>}
      {q.data && q.data.data.length > 0 && (
        <ul className="list">
          {q.data.data.map((i) => (
            <li key={i.id}>
              <div>
                <strong>{i.provider}</strong> {i.email && <span className="muted">{i.email}</span>}
                <div className="muted">
                  linked {fmtDate(i.created_at)} · last used {fmtDate(i.last_used_at)}
                </div>
              </div>
              <button type="button" className="danger" onClick={() => void unlink.run(i.id)} disabled={unlink.pending} aria-label={`Unlink ${i.provider}`}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
