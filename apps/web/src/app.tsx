import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { api } from './api/client';
import { unwrap } from './api/errors';
import { useQuery } from './api/hooks';
import { session, signOut } from './api/session';
import { SignInPage, SignUpPage } from './auth/sign-in';
import { SocialCallbackPage } from './auth/social';
import { ConfirmEmailPage, ForgotPasswordPage, MagicLinkPage, MagicLinkRequestPage, ResetPasswordPage, VerifyEmailPage } from './auth/email-links';
import { OverviewPage } from './overview/overview-page';
import { JobsPage } from './jobs/jobs-page';
import { JobPage } from './jobs/job-page';
import { NewJobPage } from './jobs/new-job-page';
import { ApiKeysPage } from './keys/api-keys-page';
import { ProviderKeysPage } from './keys/provider-keys-page';
import { AccountPage } from './account/account-page';
import { UsagePage } from './usage/usage-page';
import { WebhooksPage } from './webhooks/webhooks-page';
import { AdminPage } from './admin/admin-page';
import { Link, match, navigate, useLocation } from './router';
import { Loading, Page } from './ui/bits';
import type { Me } from './api/types';

/** Pages for signed-out people (a signed-in visit goes to the overview). */
const PUBLIC_PAGES: Record<string, () => ReactNode> = {
  '/signup': () => <SignUpPage />,
  '/signin/forgot-password': () => <ForgotPasswordPage />,
  '/signin/email': () => <MagicLinkRequestPage />,
};
/** Pages emailed links (ACCOUNT_LINK_PATHS) and the social sign-in callback open: the same whether signed in or not. */
const LINK_PAGES: Record<string, () => ReactNode> = {
  '/signin/callback': () => <SocialCallbackPage />,
  '/account/verify-email': () => <VerifyEmailPage />,
  '/account/reset-password': () => <ResetPasswordPage />,
  '/account/magic-link': () => <MagicLinkPage />,
  '/account/confirm-email': () => <ConfirmEmailPage />,
};

export function App() {
  const s = useSyncExternalStore(session.subscribe, session.get);
  const { path } = useLocation();
  const isPublic = path === '/signin' || Object.hasOwn(PUBLIC_PAGES, path);
  const linkPage: (() => ReactNode) | undefined = Object.hasOwn(LINK_PAGES, path) ? LINK_PAGES[path] : undefined;

  useEffect(() => {
    if (linkPage) return;
    if (s.status === 'signed-out' && !isPublic) navigate('/signin', { replace: true });
    if (s.status === 'signed-in' && isPublic) navigate('/', { replace: true });
  }, [s.status, isPublic, linkPage]);

  if (s.status === 'loading') return <Loading what="Loading Clipyard" />;
  if (linkPage) return <main className="public">{linkPage()}</main>;
  if (s.status === 'signed-out' || isPublic) {
    return <main className="public">{(Object.hasOwn(PUBLIC_PAGES, path) && PUBLIC_PAGES[path]()) || <SignInPage reason={s.status === 'signed-out' ? s.reason : undefined} />}</main>;
  }
  return <Shell />;
}

const NAV: [string, string][] = [
  ['/', 'Overview'],
  ['/jobs', 'Jobs'],
  ['/jobs/new', 'New job'],
  ['/keys', 'API keys'],
  ['/provider-keys', 'Provider keys'],
  ['/webhooks', 'Webhooks'],
  ['/usage', 'Usage'],
  ['/account', 'Account'],
];

function Shell() {
  const { path } = useLocation();
  const me = useQuery<Me>('me', () => unwrap(api.GET('/v1/auth/me', {})));
  const nav = me.data?.role === 'admin' ? [...NAV, ['/admin', 'Admin'] as [string, string]] : NAV;
  const active = (to: string) => (to === '/' ? path === '/' : to === '/jobs' ? path === '/jobs' || (path.startsWith('/jobs/') && path !== '/jobs/new') : path.startsWith(to));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Clipyard
        </Link>
        <nav aria-label="Main">
          <ul>
            {nav.map(([to, label]) => (
              <li key={to}>
                <Link to={to} aria-current={active(to) ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          {me.data && <span className="muted email">{me.data.email ?? 'Trial'}</span>}
          <button type="button" onClick={() => void signOut(() => unwrap(api.POST('/v1/auth/logout', {})))}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <Routes path={path} me={me.data} />
      </main>
    </>
  );
}

function Routes({ path, me }: { path: string; me?: Me }): ReactNode {
  if (path === '/') return <OverviewPage me={me} />;
  if (path === '/jobs') return <JobsPage />;
  if (path === '/jobs/new') return <NewJobPage />;
  const job = match('/jobs/:id', path);
  if (job) return <JobPage id={job.id} />;
  if (path === '/keys') return <ApiKeysPage />;
  if (path === '/provider-keys') return <ProviderKeysPage />;
  if (path === '/webhooks') return <WebhooksPage />;
  if (path === '/usage') return <UsagePage />;
  if (path === '/account') return <AccountPage me={me} />;
  if (path === '/admin' && me?.role === 'admin') return <AdminPage />;
  return (
    <Page title="Page not found">
      <p>
        Nothing lives at this address. <Link to="/">Back to the overview</Link>
      </p>
    </Page>
  );
}
