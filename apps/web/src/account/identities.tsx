import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import { startLink, takeLinkReturn, useSignInProviders } from '../auth/social';
import { useLocation } from '../router';
import { Empty, ErrorNote, fmtDate, Loading, Section } from '../ui/bits';

interface Identity {
  id: string;
  provider: string;
  email: string | null;
  email_verified: boolean;
  created_at: string;
  last_used_at: string | null;
}

/** Provider accounts (Google, GitHub, OpenID Connect) that sign in to this account; link another, unlink one. */
export function Identities() {
  const { query } = useLocation();
  const [back] = useState(() => takeLinkReturn(query));
  const q = useQuery<{ data: Identity[] }>('identities', () => unwrap(api.GET('/v1/auth/identities', {})));
  const providers = useSignInProviders();
  const unlink = useMutation((id: string) => unwrap(api.DELETE('/v1/auth/identities/{id}', { params: { path: { id } } })), () => invalidate('identities'));
  const link = useMutation(startLink);
  const nameOf = (id: string) => providers.data?.data.find((p) => p.id === id)?.name ?? id;
  const linkable = (providers.data?.data ?? []).filter((p) => q.data && !q.data.data.some((i) => i.provider === p.id));
  return (
    <Section title="Linked sign-in providers">
      {back && 'linked' in back && (
        <p className="notice" role="status">
          {nameOf(back.linked)} is linked: you can sign in with it from now on.
        </p>
      )}
      <ErrorNote error={(back && 'error' in back ? back.error : undefined) ?? q.error ?? unlink.error ?? link.error} />
      {!q.data && !q.error && <Loading />}
      {q.data && q.data.data.length === 0 && <Empty>No provider account is linked. You sign in with your email.</Empty>}
      {q.data && q.data.data.length > 0 && (
        <ul className="list">
          {q.data.data.map((i) => (
            <li key={i.id}>
              <div>
                <strong>{nameOf(i.provider)}</strong> {i.email && <span className="muted">{i.email}</span>}
                <div className="muted">
                  linked {fmtDate(i.created_at)} · last used {fmtDate(i.last_used_at)}
                </div>
              </div>
              <button type="button" className="danger" onClick={() => void unlink.run(i.id)} disabled={unlink.pending} aria-label={`Unlink ${nameOf(i.provider)}`}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      {linkable.length > 0 && (
        <div className="row">
          {linkable.map((p) => (
            <button key={p.id} type="button" onClick={() => void link.run(p.id)} disabled={link.pending}>
              Link {p.name}
            </button>
          ))}
        </div>
      )}
    </Section>
  );
}
