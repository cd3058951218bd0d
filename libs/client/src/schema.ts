// Generated from the gateway's OpenAPI description by `npm run openapi`. Do not edit.
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys access tokens are signed with (JWKS) */
        get: operations["auth.jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage across users in a month (audited)
         * @description **Role:** admin.
         *
         *     **API key scope:** `admin`.
         */
        get: operations["admin.usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find users by email, username or id (audited)
         * @description **Role:** admin.
         *
         *     **API key scope:** `admin`.
         */
        get: operations["admin.findUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user and their subscription: plan, status, effective limits (audited)
         * @description **Role:** admin.
         *
         *     **API key scope:** `admin`.
         */
        get: operations["admin.getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Deactivate (sessions and API keys stop at once) or reactivate a user (audited)
         * @description **Role:** admin.
         *
         *     **API key scope:** `admin`.
         */
        put: operations["admin.setUserActive"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Override a user's limits (audited)
         * @description **Role:** admin.
         *
         *     **API key scope:** `admin`.
         */
        put: operations["admin.setUserLimits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Move a user to a plan (audited)
         * @description **Role:** admin.
         *
         *     **API key scope:** `admin`.
         */
        put: operations["admin.setUserPlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your API keys (never their secrets)
         * @description **API key scope:** `account:read`.
         */
        get: operations["apiKeys.list"];
        put?: never;
        /**
         * Create an API key (the secret is in this answer only)
         * @description **API key scope:** `account:write`.
         */
        post: operations["apiKeys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key (at once, on every gateway)
         * @description **API key scope:** `account:write`.
         */
        delete: operations["apiKeys.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/roll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New secret for a key; the old one keeps working for `grace_seconds` (default 24 h)
         * @description **API key scope:** `account:write`.
         */
        post: operations["apiKeys.roll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your audit trail, newest first; admins may pass `user_id` (itself audited)
         * @description **API key scope:** `account:read`.
         */
        get: operations["audit.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/anonymous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an anonymous trial: a token pair for a new user without email or password, on the trial plan
         * @description Rate limited per IP (IPv6 per /64: ANONYMOUS_PER_IP_PER_HOUR). The access token carries `is_anonymous: true`. Upgrade with `POST /v1/auth/upgrade` (or a magic link asked for while signed in) to keep the jobs and uploads; an anonymous user untouched for ANONYMOUS_TTL_DAYS is deleted with its data.
         */
        post: operations["auth.createAnonymous"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/check-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether an email is free, for sign-up forms (rate limited per IP) */
        get: operations["auth.checkEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask to change your email: the new address must confirm, the old one is told
         * @description An address another account has gets the same 202 and no email.
         *
         *     **API key scope:** `account:write`.
         */
        post: operations["auth.changeEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/change/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an email change with the token mailed to the new address */
        post: operations["auth.confirmEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the verification email again (at most one a minute per address)
         * @description Always `202 {"accepted":true}`, whether or not the address has an account.
         */
        post: operations["auth.resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify your email with the link token, or with the 6-digit code while signed in
         * @description With `code`, the caller must be signed in (access token or API key): a code only proves the caller's own address.
         */
        post: operations["auth.verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The provider accounts (Google, GitHub, OpenID Connect) linked to your account
         * @description **API key scope:** `account:read`.
         */
        get: operations["auth.listIdentities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/identities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink a provider account (refused if it is your last way to sign in)
         * @description **API key scope:** `account:write`.
         */
        delete: operations["auth.unlinkIdentity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/identities/{provider}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link a provider to your account: the URL to send the browser to (the same dance as sign-in)
         * @description Open `authorization_url` in the browser; the callback links the identity and redirects to `redirect_uri?linked={provider}`.
         *
         *     **API key scope:** `account:write`.
         *
         *     Needs an access token (a session); an API key is refused.
         */
        post: operations["auth.linkIdentity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email or username and password → access + refresh token
         * @description With `set_cookie: true` (browsers) the refresh token is set as an HttpOnly cookie instead of returned. With two-factor on the answer is `{"mfa_required":true,"mfa_token":…}`: finish at `POST /v1/auth/mfa/challenge`.
         */
        post: operations["auth.login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out this session
         * @description **API key scope:** `account:write`.
         *
         *     Needs an access token (a session); an API key is refused.
         */
        post: operations["auth.logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out every session of your account
         * @description **API key scope:** `account:write`.
         */
        post: operations["auth.logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/magic-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a sign-in link and 6-digit code (15 min)
         * @description Always `202 {"accepted":true}`. With PASSWORDLESS_SIGNUP an unknown address gets a link that creates its account. Asked for while signed in anonymously (optional credentials), a link for an address without an account upgrades the trial account in place.
         */
        post: operations["auth.requestMagicLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/magic-link/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with the link token, or the email and code; returns a token pair
         * @description Five wrong codes kill the code and its link. `created` is true when the sign-in made the account. With `set_cookie: true` (browsers) the refresh token is set as an HttpOnly cookie instead of returned, as for `login`.
         */
        post: operations["auth.verifyMagicLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your profile
         * @description **API key scope:** `account:read`.
         */
        get: operations["auth.getMe"];
        put?: never;
        post?: never;
        /**
         * Delete your account and everything it owns (password, or a fresh magic-link sign-in)
         * @description Sessions and API keys stop at once; jobs, uploads, outputs and webhooks are deleted by their owners shortly after; the usage ledger is kept under the bare user id.
         *
         *     **API key scope:** `account:write`.
         */
        delete: operations["auth.deleteMe"];
        options?: never;
        head?: never;
        /**
         * Change your name, timezone or avatar
         * @description **API key scope:** `account:write`.
         */
        patch: operations["auth.updateMe"];
        trace?: never;
    };
    "/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether two-factor sign-in is on for your account, and how many recovery codes are left
         * @description **API key scope:** `account:read`.
         *
         *     Needs an access token (a session); an API key is refused.
         */
        get: operations["auth.mfaStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a sign-in that answered mfa_required: the mfa_token and a TOTP code or a recovery code → the token pair
         * @description The mfa_token lasts 5 minutes and works once. A code is accepted once (never again, nor an older one); a recovery code is spent. Wrong codes count with wrong passwords: LOGIN_MAX_FAILURES of them lock the account (`429 ACCOUNT_LOCKED`). With `set_cookie: true` the refresh token goes into an HttpOnly cookie.
         */
        post: operations["auth.mfaChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set up two-factor sign-in: a new TOTP secret and its otpauth:// URI (for a QR code)
         * @description Nothing changes until `POST /v1/auth/mfa/totp/verify` gets a first code. Asking again replaces a secret not yet verified.
         *
         *     **API key scope:** `account:write`.
         *
         *     Needs an access token (a session); an API key is refused.
         */
        post: operations["auth.startTotp"];
        /**
         * Turn two-factor off, with a current code or your password (the recovery codes go too)
         * @description A wrong code or password counts towards the sign-in lockout.
         *
         *     **API key scope:** `account:write`.
         *
         *     Needs an access token (a session); an API key is refused.
         */
        delete: operations["auth.disableTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/totp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor on with a first code; returns 10 single-use recovery codes (shown once)
         * @description **API key scope:** `account:write`.
         *
         *     Needs an access token (a session); an API key is refused.
         */
        post: operations["auth.verifyTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/{provider}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with a provider → 302 to the provider
         * @description Authorization code with PKCE (S256), `state` and (OpenID Connect) `nonce`, valid 10 minutes, single use. The provider comes back to `/callback`, which sends the browser to `redirect_uri` with a one-time `code` for `POST /v1/auth/token` (`grant_type=authorization_code`).
         */
        get: operations["auth.oauthAuthorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the provider sends the browser back → 302 to redirect_uri with a one-time code (60 s)
         * @description Redirects to the `redirect_uri` given to `/authorize` with `code` (exchange it within 60 s at `POST /v1/auth/token`) and the client's `state`; after linking (`/identities/{provider}/link`) with `linked={provider}` instead; with `on_error=redirect`, a refusal with `error` and `error_description` instead. A provider identity whose email belongs to an account it may not join (either side's email unverified) is refused with 409 ACCOUNT_EXISTS: sign in to that account and link the provider from it.
         */
        get: operations["auth.oauthCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sign-in providers this server is configured with (OAUTH_PROVIDERS), for sign-in buttons
         * @description Public; rate limited per client IP (OAUTH_PROVIDERS_IP_PER_MIN). Empty when social sign-in is not configured.
         */
        get: operations["auth.oauthProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password; every other session is signed out
         * @description **API key scope:** `account:write`.
         */
        post: operations["auth.changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password reset link (30 min); same answer for unknown addresses
         * @description Always `202 {"accepted":true}`, answered before the address is looked up.
         */
        post: operations["auth.forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the reset link token; signs out every session */
        post: operations["auth.resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair (the old one is spent; reuse revokes the session)
         * @description Without `refresh_token` in the body, the browser session cookie is refreshed (needs X-CSRF-Token) and rotated.
         */
        post: operations["auth.refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (email + password) */
        post: operations["auth.register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your signed-in sessions (the current one is marked)
         * @description **API key scope:** `account:read`.
         */
        get: operations["sessions.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign out one of your sessions
         * @description **API key scope:** `account:write`.
         */
        delete: operations["sessions.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OAuth2 token endpoint: `password`, `refresh_token` and `authorization_code` (social sign-in) grants (form-encoded or JSON)
         * @description With `set_cookie: true` (browsers, e.g. the dashboard finishing a social sign-in) the refresh token is set as the HttpOnly session cookie instead of returned, as for `login`. With two-factor on, the `password` and `authorization_code` grants answer `{"mfa_required":true,"mfa_token":…}`: finish at `POST /v1/auth/mfa/challenge`.
         */
        post: operations["auth.token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/upgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn your anonymous trial into an account (email + password), keeping its id, jobs, uploads and usage
         * @description Moves you from the trial plan to the default plan and mails a verification link and code. An email that already has an account answers 409 ACCOUNT_EXISTS and nothing is merged. Refresh your token afterwards for one without `is_anonymous`.
         *
         *     **API key scope:** `account:write`.
         */
        post: operations["auth.upgradeAnonymous"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Stripe Checkout URL to buy a paid plan
         * @description **API key scope:** `account:write`.
         */
        post: operations["billing.checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Stripe Customer Portal URL to manage or cancel your plan
         * @description **API key scope:** `account:write`.
         */
        post: operations["billing.portal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your jobs, newest first (cursor pagination)
         * @description **API key scope:** `jobs:read`.
         */
        get: operations["jobs.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Poll a job (ETag / If-None-Match → 304; Retry-After while running)
         * @description **API key scope:** `jobs:read`.
         */
        get: operations["jobs.get"];
        put?: never;
        post?: never;
        /**
         * Cancel a queued or running job (kills ffmpeg) and delete its files; with ?purge=true, delete a finished job and its outputs (204; its usage stays in the ledger)
         * @description **API key scope:** `jobs:write`.
         */
        delete: operations["jobs.cancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/outputs/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an output of your job (supports Range)
         * @description **API key scope:** `files:read`.
         */
        get: operations["jobs.downloadOutput"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/outputs/{name}/url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A time-limited signed URL for an output (presigned on S3, HMAC-signed locally)
         * @description **API key scope:** `files:read`.
         */
        get: operations["jobs.outputUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/hooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find the best moments for short clips with your own language-model key → hooks.json
         * @description Input: an upload, a URL, a video page (VIDEO_PAGE_INPUTS) or `{job_id}` of your completed transcription (reused: no second transcription). The result lists `hooks` `[{start, end, score, title, hook_sentence, reason}]`, best first.
         *
         *     **API key scope:** `jobs:write`.
         */
        post: operations["jobs.createHooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/overlay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draw text on an image or video with a template
         * @description **API key scope:** `jobs:write`.
         */
        post: operations["jobs.createOverlay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/shorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hooks rendered as vertical clips with burned captions, in one job (transcribe → hooks → clips)
         * @description Outputs `short-1.mp4`… and `hooks.json`. Reserves one hooks unit, one trim per clip and the minutes to transcribe, up front.
         *
         *     **API key scope:** `jobs:write`.
         */
        post: operations["jobs.createShorts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts of your jobs by status and type, and the success rate
         * @description **API key scope:** `jobs:read`.
         */
        get: operations["jobs.stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/transcribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transcribe (or translate to English) speech with your provider key → JSON, TXT, SRT, VTT
         * @description **API key scope:** `jobs:write`.
         */
        post: operations["jobs.createTranscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/trim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trim a video (fast: stream copy; precise: re-encode), optionally 9:16
         * @description Queues the job and answers 202 with it; poll `GET /v1/jobs/{id}` or subscribe a webhook.
         *
         *     **API key scope:** `jobs:write`.
         */
        post: operations["jobs.createTrim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plans and what each includes */
        get: operations["billing.listPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your provider keys (last 4 characters only)
         * @description **API key scope:** `account:read`.
         */
        get: operations["providerKeys.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-keys/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Store (or replace) your key for a provider; it is encrypted at rest and never shown again
         * @description **API key scope:** `account:write`.
         */
        put: operations["providerKeys.set"];
        post?: never;
        /**
         * Delete your key for a provider
         * @description **API key scope:** `account:write`.
         */
        delete: operations["providerKeys.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-keys/{provider}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test your key for a provider: one cheap authenticated call (`GET /models`) from a media worker
         * @description Answers 200 with `ok: true`, or `ok: false` and the code a job would fail with (`PROVIDER_KEY_REJECTED`, `PROVIDER_UNAVAILABLE`, `PROVIDER_TIMEOUT`, `URL_FORBIDDEN`…). A rejected key shows on the key as `last_error`.
         *
         *     **API key scope:** `account:write`.
         */
        post: operations["providerKeys.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transcription providers you can store a key for */
        get: operations["providers.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your plan, its limits and the current period
         * @description **API key scope:** `usage:read`.
         */
        get: operations["billing.getSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your uploads, newest first (cursor pagination); expired and deleted ones are gone
         * @description **API key scope:** `files:read`.
         */
        get: operations["uploads.list"];
        put?: never;
        /**
         * Upload a media file (multipart field "file"); checked with ffprobe
         * @description The file is probed before it is kept: a file ffprobe cannot read is refused with 422 `UNSUPPORTED_MEDIA`; a server without ffprobe answers 503 `MEDIA_TOOLS_UNAVAILABLE`.
         *
         *     **API key scope:** `files:write`.
         */
        post: operations["uploads.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metadata of one of your uploads
         * @description **API key scope:** `files:read`.
         */
        get: operations["uploads.get"];
        put?: never;
        post?: never;
        /**
         * Delete one of your uploads (its bytes at once)
         * @description 409 `UPLOAD_IN_USE` while a queued or running job reads it.
         *
         *     **API key scope:** `files:write`.
         */
        delete: operations["uploads.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your metered usage events (cursor pagination)
         * @description **API key scope:** `usage:read`.
         */
        get: operations["billing.usageEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your usage in a month (default: this one) against your limits
         * @description **API key scope:** `usage:read`.
         */
        get: operations["billing.usageSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your webhook endpoints
         * @description **API key scope:** `webhooks:read`.
         */
        get: operations["webhooks.list"];
        put?: never;
        /**
         * Add a webhook endpoint (its signing secret is in this answer only)
         * @description **API key scope:** `webhooks:write`.
         */
        post: operations["webhooks.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your webhook endpoints
         * @description **API key scope:** `webhooks:read`.
         */
        get: operations["webhooks.get"];
        put?: never;
        post?: never;
        /**
         * Remove a webhook endpoint
         * @description **API key scope:** `webhooks:write`.
         */
        delete: operations["webhooks.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery log of an endpoint, newest first (cursor pagination)
         * @description **API key scope:** `webhooks:read`.
         */
        get: operations["webhooks.listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One delivery with its payload and last outcome
         * @description **API key scope:** `webhooks:read`.
         */
        get: operations["webhooks.getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now (a new series of attempts)
         * @description **API key scope:** `webhooks:write`.
         */
        post: operations["webhooks.redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable an endpoint again after its receiver answered 410 Gone
         * @description **API key scope:** `webhooks:write`.
         */
        post: operations["webhooks.enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New signing secret (shown once); the previous one keeps signing during the overlap
         * @description **API key scope:** `webhooks:write`.
         */
        post: operations["webhooks.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a `webhook.test` event to this endpoint now
         * @description **API key scope:** `webhooks:write`.
         */
        post: operations["webhooks.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/callback-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or rotate the secret that signs per-job `callback_url` deliveries (shown once)
         * @description **API key scope:** `webhooks:write`.
         */
        post: operations["webhooks.rotateCallbackSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CallbackSecret: {
            previous_secret_expires_at: string | null;
            secret: string;
        };
        Error: {
            error: {
                /** @description Stable machine-readable code, e.g. QUOTA_EXCEEDED */
                code: string;
                /** @description Code-specific details (e.g. the invalid fields) */
                details?: {
                    [key: string]: unknown;
                };
                /** @description Human-readable explanation */
                message: string;
                /** @description Quote this when asking for help; it is in the logs */
                requestId: string;
            };
        };
        Job: {
            /** @description hooks/shorts: which of your provider keys runs the language model */
            ai_provider?: string;
            /** @description ISO 8601 timestamp */
            completed_at?: string;
            /** @description ISO 8601 timestamp */
            created_at: string;
            /** @description Why a failed job failed */
            error?: {
                code: string;
                message: string;
            };
            /** Format: uuid */
            id: string;
            /** @description hooks/shorts: the language model */
            model?: string;
            outputs: components["schemas"]["JobOutput"][];
            /** @description ISO 8601 timestamp */
            outputs_expired_at?: string;
            /** @description The parameters the job was submitted with */
            params: {
                [key: string]: unknown;
            };
            progress: number;
            /** @description Type-specific result of a completed job (e.g. duration, language) */
            result?: {
                [key: string]: unknown;
            };
            /** @description ISO 8601 timestamp */
            started_at?: string;
            /** @enum {string} */
            status: "queued" | "active" | "completed" | "failed" | "canceled";
            /** @enum {string} */
            type: "trim" | "overlay" | "transcribe" | "hooks" | "shorts";
            /** @description What the job was metered for */
            usage?: {
                [key: string]: unknown;
            };
        };
        JobOutput: {
            content_type: string;
            name: string;
            size: number;
            /** @description Download URL (needs credentials) */
            url: string;
        };
        JobStats: {
            by_status: {
                active: number;
                canceled: number;
                completed: number;
                failed: number;
                queued: number;
            };
            by_type: {
                hooks: {
                    active: number;
                    canceled: number;
                    completed: number;
                    failed: number;
                    queued: number;
                    total: number;
                };
                overlay: {
                    active: number;
                    canceled: number;
                    completed: number;
                    failed: number;
                    queued: number;
                    total: number;
                };
                shorts: {
                    active: number;
                    canceled: number;
                    completed: number;
                    failed: number;
                    queued: number;
                    total: number;
                };
                transcribe: {
                    active: number;
                    canceled: number;
                    completed: number;
                    failed: number;
                    queued: number;
                    total: number;
                };
                trim: {
                    active: number;
                    canceled: number;
                    completed: number;
                    failed: number;
                    queued: number;
                    total: number;
                };
            };
            /** @description completed / (completed + failed); null until a job has finished */
            success_rate: number | null;
            total: number;
        };
        SignedUrl: {
            /** @description ISO 8601 timestamp */
            expires_at: string;
            url: string;
        };
        Upload: {
            content_type: string;
            /** @description ISO 8601 timestamp */
            created_at: string;
            duration_s?: number;
            filename?: string;
            height?: number;
            /** Format: uuid */
            id: string;
            /** @description Bytes */
            size: number;
            width?: number;
        };
        WebhookDelivery: {
            attempts: number;
            /** @description ISO 8601 timestamp */
            created_at: string;
            delivered_at: string | null;
            event_id: string;
            event_type: string;
            /** Format: uuid */
            id: string;
            last_attempt_at: string | null;
            last_error: string | null;
            last_status_code: number | null;
            /** @description The event as delivered */
            payload: unknown;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            url: string;
            /** Format: uuid */
            webhook_id: string;
        };
        WebhookEndpoint: {
            /** @description ISO 8601 timestamp */
            created_at: string;
            description: string | null;
            /** @description Set when the receiver answered 410 Gone: nothing is sent until `POST …/enable` */
            disabled_at: string | null;
            disabled_reason: string | null;
            events: string[];
            /** Format: uuid */
            id: string;
            /** @description Until when the previous secret still signs (after a rotation), else null */
            previous_secret_expires_at: string | null;
            /** @description ISO 8601 timestamp */
            updated_at: string;
            url: string;
        };
        WebhookEndpointWithSecret: {
            /** @description ISO 8601 timestamp */
            created_at: string;
            description: string | null;
            /** @description Set when the receiver answered 410 Gone: nothing is sent until `POST …/enable` */
            disabled_at: string | null;
            disabled_reason: string | null;
            events: string[];
            /** Format: uuid */
            id: string;
            /** @description Until when the previous secret still signs (after a rotation), else null */
            previous_secret_expires_at: string | null;
            /** @description Signing secret, shown once */
            secret: string;
            /** @description ISO 8601 timestamp */
            updated_at: string;
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "auth.jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: ({
                            alg?: string;
                            kid?: string;
                            kty: string;
                            use?: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "admin.usage": {
        parameters: {
            query?: {
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completion_rate: number | null;
                        daily: {
                            api_requests: number;
                            day: string;
                            jobs: number;
                            media_seconds: number;
                        }[];
                        jobs_per_status: {
                            [key: string]: number;
                        };
                        month: string;
                        users_per_plan: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "admin.findUsers": {
        parameters: {
            query?: {
                limit?: number;
                /** @description Part of an email or username, or a user id; empty lists the newest users */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            avatar_url: string | null;
                            created_at: string;
                            email: string | null;
                            email_verified: boolean;
                            full_name: string | null;
                            has_password: boolean;
                            /** Format: uuid */
                            id: string;
                            is_active: boolean;
                            is_anonymous: boolean;
                            /** @enum {string} */
                            role: "user" | "admin";
                            timezone: string | null;
                            username: string | null;
                        }[];
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "admin.getUser": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscription: {
                            current_period_end: string;
                            current_period_start: string;
                            features: string[];
                            limits: {
                                hooks_per_month: number;
                                max_concurrent_jobs: number;
                                max_file_bytes: number;
                                max_media_seconds: number;
                                overlays_per_month: number;
                                retention_days: number;
                                transcribe_minutes_per_month: number;
                                transcribes_per_month: number;
                                trims_per_month: number;
                            };
                            overrides: {
                                [key: string]: unknown;
                            };
                            plan: string;
                            priority: number;
                            /** @enum {string} */
                            status: "active" | "trialing" | "past_due" | "canceled";
                            /** Format: uuid */
                            user_id: string;
                        };
                        user: {
                            avatar_url: string | null;
                            created_at: string;
                            email: string | null;
                            email_verified: boolean;
                            full_name: string | null;
                            has_password: boolean;
                            /** Format: uuid */
                            id: string;
                            is_active: boolean;
                            is_anonymous: boolean;
                            /** @enum {string} */
                            role: "user" | "admin";
                            timezone: string | null;
                            username: string | null;
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "admin.setUserActive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description false deactivates: sessions end and API keys stop at once */
                    active: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatar_url: string | null;
                        created_at: string;
                        email: string | null;
                        email_verified: boolean;
                        full_name: string | null;
                        has_password: boolean;
                        /** Format: uuid */
                        id: string;
                        is_active: boolean;
                        is_anonymous: boolean;
                        /** @enum {string} */
                        role: "user" | "admin";
                        timezone: string | null;
                        username: string | null;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "admin.setUserLimits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    features?: ("trim" | "overlay" | "download" | "api_access" | "vertical_format" | "transcribe" | "subtitles" | "webhooks" | "priority_processing" | "platform_transcription" | "hook_detection")[] | null;
                    hooks_per_month?: number | null;
                    max_concurrent_jobs?: number | null;
                    max_file_bytes?: number | null;
                    max_media_seconds?: number | null;
                    overlays_per_month?: number | null;
                    retention_days?: number | null;
                    transcribe_minutes_per_month?: number | null;
                    transcribes_per_month?: number | null;
                    trims_per_month?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current_period_end: string;
                        current_period_start: string;
                        features: string[];
                        limits: {
                            hooks_per_month: number;
                            max_concurrent_jobs: number;
                            max_file_bytes: number;
                            max_media_seconds: number;
                            overlays_per_month: number;
                            retention_days: number;
                            transcribe_minutes_per_month: number;
                            transcribes_per_month: number;
                            trims_per_month: number;
                        };
                        overrides: {
                            [key: string]: unknown;
                        };
                        plan: string;
                        priority: number;
                        /** @enum {string} */
                        status: "active" | "trialing" | "past_due" | "canceled";
                        /** Format: uuid */
                        user_id: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "admin.setUserPlan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    plan: string;
                    stripe_customer_id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current_period_end: string;
                        current_period_start: string;
                        features: string[];
                        limits: {
                            hooks_per_month: number;
                            max_concurrent_jobs: number;
                            max_file_bytes: number;
                            max_media_seconds: number;
                            overlays_per_month: number;
                            retention_days: number;
                            transcribe_minutes_per_month: number;
                            transcribes_per_month: number;
                            trims_per_month: number;
                        };
                        overrides: {
                            [key: string]: unknown;
                        };
                        plan: string;
                        priority: number;
                        /** @enum {string} */
                        status: "active" | "trialing" | "past_due" | "canceled";
                        /** Format: uuid */
                        user_id: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND`, `PLAN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND" | "PLAN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "apiKeys.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            created_at: string;
                            expires_at: string | null;
                            /** Format: uuid */
                            id: string;
                            last_used_at: string | null;
                            last_used_ip: string | null;
                            last4: string;
                            name: string;
                            prefix: string;
                            revoked_at: string | null;
                            scopes: string[];
                            /** @enum {string} */
                            status: "active" | "expiring" | "expired" | "revoked";
                            total_requests: number;
                        }[];
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "apiKeys.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expires_in_days?: number;
                    name: string;
                    scopes?: ("jobs:read" | "jobs:write" | "files:read" | "files:write" | "usage:read" | "account:read" | "account:write" | "webhooks:read" | "webhooks:write" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        expires_at: string | null;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        last_used_at: string | null;
                        last_used_ip: string | null;
                        last4: string;
                        name: string;
                        prefix: string;
                        revoked_at: string | null;
                        scopes: string[];
                        /** @enum {string} */
                        status: "active" | "expiring" | "expired" | "revoked";
                        total_requests: number;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `EMAIL_NOT_VERIFIED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "EMAIL_NOT_VERIFIED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Conflict: `API_KEY_LIMIT_REACHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_LIMIT_REACHED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "apiKeys.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "apiKeys.roll": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    grace_seconds?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        expires_at: string | null;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        last_used_at: string | null;
                        last_used_ip: string | null;
                        last4: string;
                        name: string;
                        prefix: string;
                        previous: {
                            created_at: string;
                            expires_at: string | null;
                            /** Format: uuid */
                            id: string;
                            last_used_at: string | null;
                            last_used_ip: string | null;
                            last4: string;
                            name: string;
                            prefix: string;
                            revoked_at: string | null;
                            scopes: string[];
                            /** @enum {string} */
                            status: "active" | "expiring" | "expired" | "revoked";
                            total_requests: number;
                        };
                        revoked_at: string | null;
                        scopes: string[];
                        /** @enum {string} */
                        status: "active" | "expiring" | "expired" | "revoked";
                        total_requests: number;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_ROLE`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_ROLE" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `API_KEY_LIMIT_REACHED`, `CONFLICT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_LIMIT_REACHED" | "CONFLICT";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "audit.list": {
        parameters: {
            query?: {
                action?: string;
                before?: string;
                limit?: number;
                user_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            action: string;
                            actor_id: string | null;
                            created_at: string;
                            /** Format: uuid */
                            id: string;
                            ip: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            user_agent: string | null;
                            user_id: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.createAnonymous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    set_cookie?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        /** @constant */
                        is_anonymous: true;
                        refresh_token: string;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                        /** Format: uuid */
                        user_id: string;
                    } | {
                        access_token: string;
                        /** @description Send as X-CSRF-Token when refreshing from the cookie */
                        csrf_token: string;
                        expires_in: number;
                        /** @constant */
                        is_anonymous: true;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                        /** Format: uuid */
                        user_id: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.checkEmail": {
        parameters: {
            query: {
                email: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        available: boolean;
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.changeEmail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account email address */
                    new_email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        accepted: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED`, `WRONG_PASSWORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED" | "WRONG_PASSWORD";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.confirmEmailChange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `token=` parameter of the emailed link */
                    token: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        /** @constant */
                        email_verified: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `LINK_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "LINK_INVALID";
                        };
                    };
                };
            };
            /** @description Conflict: `EMAIL_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "EMAIL_TAKEN";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.resendVerification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account email address */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        accepted: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.verifyEmail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code from the email */
                    code?: string;
                    /** @description The `token=` parameter of the emailed link */
                    token?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        email_verified: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `LINK_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "LINK_INVALID";
                        };
                    };
                };
            };
            /** @description Not authenticated: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.listIdentities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            created_at: string;
                            email: string | null;
                            email_verified: boolean;
                            /** Format: uuid */
                            id: string;
                            last_used_at: string | null;
                            provider: string;
                        }[];
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.unlinkIdentity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `LAST_SIGN_IN_METHOD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "LAST_SIGN_IN_METHOD";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.linkIdentity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description PKCE (S256) challenge of the client: the token exchange then needs its code_verifier */
                    code_challenge?: string;
                    /** @constant */
                    code_challenge_method?: "S256";
                    /**
                     * @description Browsers: a sign-in refused after the provider answered (409 ACCOUNT_EXISTS, IDENTITY_TAKEN, OAUTH_PROVIDER_ERROR…) sends the browser to `redirect_uri?error=<CODE>&error_description=…&state=…` instead of answering with the JSON error
                     * @constant
                     */
                    on_error?: "redirect";
                    /**
                     * Format: uri
                     * @description Where the browser goes back to with `code` (must be on OAUTH_REDIRECT_ALLOWLIST)
                     */
                    redirect_uri: string;
                    /** @description Echoed back on the redirect (the client's own CSRF check) */
                    state?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uri */
                        authorization_url: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `REDIRECT_URI_NOT_ALLOWED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "REDIRECT_URI_NOT_ALLOWED";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `UNKNOWN_OAUTH_PROVIDER` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNKNOWN_OAUTH_PROVIDER";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description Bad gateway: `OAUTH_PROVIDER_ERROR` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OAUTH_PROVIDER_ERROR";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    login?: string;
                    password: string;
                    set_cookie?: boolean;
                    username?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        access_token: string;
                        expires_in: number;
                        refresh_token: string;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    } | {
                        access_token: string;
                        /** @description Send as X-CSRF-Token when refreshing from the cookie */
                        csrf_token: string;
                        expires_in: number;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    }) | {
                        expires_in: number;
                        /** @constant */
                        mfa_required: true;
                        mfa_token: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `INVALID_CREDENTIALS` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INVALID_CREDENTIALS";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `ACCOUNT_LOCKED`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_LOCKED" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.logoutAll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revoked: number;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.requestMagicLink": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account email address */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        accepted: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.verifyMagicLink": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code from the email */
                    code?: string;
                    /** @description The account email address */
                    email?: string;
                    set_cookie?: boolean;
                    /** @description The `token=` parameter of the emailed link */
                    token?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        created: boolean;
                        expires_in: number;
                        refresh_token: string;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    } | {
                        expires_in: number;
                        /** @constant */
                        mfa_required: true;
                        mfa_token: string;
                    } | {
                        access_token: string;
                        created: boolean;
                        /** @description Send as X-CSRF-Token when refreshing from the cookie */
                        csrf_token: string;
                        expires_in: number;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `LINK_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "LINK_INVALID";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.getMe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatar_url: string | null;
                        created_at: string;
                        email: string | null;
                        email_verified: boolean;
                        full_name: string | null;
                        has_password: boolean;
                        /** Format: uuid */
                        id: string;
                        is_active: boolean;
                        is_anonymous: boolean;
                        /** @enum {string} */
                        role: "user" | "admin";
                        timezone: string | null;
                        username: string | null;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.deleteMe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Required unless this session was opened by a magic link in the last 10 minutes */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        deleted: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE`, `REAUTH_REQUIRED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE" | "REAUTH_REQUIRED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED`, `WRONG_PASSWORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED" | "WRONG_PASSWORD";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.updateMe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    avatar_url?: string | null;
                    full_name?: string | null;
                    timezone?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatar_url: string | null;
                        created_at: string;
                        email: string | null;
                        email_verified: boolean;
                        full_name: string | null;
                        has_password: boolean;
                        /** Format: uuid */
                        id: string;
                        is_active: boolean;
                        is_anonymous: boolean;
                        /** @enum {string} */
                        role: "user" | "admin";
                        timezone: string | null;
                        username: string | null;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `URL_FORBIDDEN`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "URL_FORBIDDEN" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.mfaStatus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        totp: {
                            enabled: boolean;
                            enabled_at: string | null;
                            recovery_codes_remaining: number;
                        };
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.mfaChallenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    mfa_token: string;
                    recovery_code?: string;
                    set_cookie?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        refresh_token: string;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    } | {
                        access_token: string;
                        /** @description Send as X-CSRF-Token when refreshing from the cookie */
                        csrf_token: string;
                        expires_in: number;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `MFA_TOKEN_INVALID` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MFA_TOKEN_INVALID";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `MFA_CODE_INVALID`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MFA_CODE_INVALID" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `ACCOUNT_LOCKED`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_LOCKED" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.startTotp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        otpauth_uri: string;
                        secret: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Conflict: `MFA_ALREADY_ENABLED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MFA_ALREADY_ENABLED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.disableTotp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        disabled: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Conflict: `MFA_NOT_ENABLED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MFA_NOT_ENABLED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `MFA_CODE_INVALID`, `VALIDATION_FAILED`, `WRONG_PASSWORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MFA_CODE_INVALID" | "VALIDATION_FAILED" | "WRONG_PASSWORD";
                        };
                    };
                };
            };
            /** @description Too many requests: `ACCOUNT_LOCKED`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_LOCKED" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.verifyTotp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        enabled: true;
                        recovery_codes: string[];
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Conflict: `MFA_ALREADY_ENABLED`, `MFA_NOT_ENABLED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MFA_ALREADY_ENABLED" | "MFA_NOT_ENABLED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `MFA_CODE_INVALID`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MFA_CODE_INVALID" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.oauthAuthorize": {
        parameters: {
            query: {
                /** @description PKCE (S256) challenge of the client: the token exchange then needs its code_verifier */
                code_challenge?: string;
                code_challenge_method?: "S256";
                /** @description Browsers: a sign-in refused after the provider answered (409 ACCOUNT_EXISTS, IDENTITY_TAKEN, OAUTH_PROVIDER_ERROR…) sends the browser to `redirect_uri?error=<CODE>&error_description=…&state=…` instead of answering with the JSON error */
                on_error?: "redirect";
                /** @description Where the browser goes back to with `code` (must be on OAUTH_REDIRECT_ALLOWLIST) */
                redirect_uri: string;
                /** @description Echoed back on the redirect (the client's own CSRF check) */
                state?: string;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider's authorization endpoint */
            302: {
                headers: {
                    /** @description The provider's authorization endpoint */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `REDIRECT_URI_NOT_ALLOWED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "REDIRECT_URI_NOT_ALLOWED";
                        };
                    };
                };
            };
            /** @description Not found: `UNKNOWN_OAUTH_PROVIDER` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNKNOWN_OAUTH_PROVIDER";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description Bad gateway: `OAUTH_PROVIDER_ERROR` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OAUTH_PROVIDER_ERROR";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.oauthCallback": {
        parameters: {
            query?: {
                code?: string;
                error?: string;
                error_description?: string;
                iss?: string;
                state?: string;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description redirect_uri?code=…&state=… */
            302: {
                headers: {
                    /** @description redirect_uri?code=…&state=… */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `OAUTH_STATE_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OAUTH_STATE_INVALID";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED";
                        };
                    };
                };
            };
            /** @description Not found: `UNKNOWN_OAUTH_PROVIDER` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNKNOWN_OAUTH_PROVIDER";
                        };
                    };
                };
            };
            /** @description Conflict: `ACCOUNT_EXISTS`, `IDENTITY_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_EXISTS" | "IDENTITY_TAKEN";
                        };
                    };
                };
            };
            /** @description Invalid input: `OAUTH_EMAIL_MISSING`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OAUTH_EMAIL_MISSING" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description Bad gateway: `OAUTH_PROVIDER_ERROR` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OAUTH_PROVIDER_ERROR";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.oauthProviders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The {provider} of /v1/auth/oauth/{provider}/authorize */
                            id: string;
                            /** @description What a button says: "Continue with {name}" */
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.changePassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        revoked_sessions: number;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED`, `WEAK_PASSWORD`, `WRONG_PASSWORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED" | "WEAK_PASSWORD" | "WRONG_PASSWORD";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.forgotPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account email address */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        accepted: true;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.resetPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    new_password: string;
                    /** @description The `token=` parameter of the emailed link */
                    token: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        revoked_sessions: number;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `LINK_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "LINK_INVALID";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED`, `WEAK_PASSWORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED" | "WEAK_PASSWORD";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.refresh": {
        parameters: {
            query?: never;
            header?: {
                /** @description The cy_csrf cookie, when refreshing from the session cookie */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    refresh_token?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        refresh_token: string;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    } | {
                        access_token: string;
                        /** @description Send as X-CSRF-Token when refreshing from the cookie */
                        csrf_token: string;
                        expires_in: number;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `REFRESH_TOKEN_INVALID`, `REFRESH_TOKEN_REUSED`, `SESSION_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SESSION_REVOKED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `CSRF_FAILED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "CSRF_FAILED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    full_name?: string;
                    password: string;
                    username?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatar_url: string | null;
                        created_at: string;
                        email: string | null;
                        email_verified: boolean;
                        full_name: string | null;
                        has_password: boolean;
                        /** Format: uuid */
                        id: string;
                        is_active: boolean;
                        is_anonymous: boolean;
                        /** @enum {string} */
                        role: "user" | "admin";
                        timezone: string | null;
                        username: string | null;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Conflict: `EMAIL_TAKEN`, `USERNAME_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "EMAIL_TAKEN" | "USERNAME_TAKEN";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED`, `WEAK_PASSWORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED" | "WEAK_PASSWORD";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "sessions.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            created_at: string;
                            current: boolean;
                            expires_at: string;
                            /** Format: uuid */
                            id: string;
                            ip: string | null;
                            last_used_at: string | null;
                            user_agent: string | null;
                        }[];
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "sessions.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    client_id?: string;
                    /** @description authorization_code grant: the one-time code the sign-in callback put on redirect_uri (60 s, single use) */
                    code?: string;
                    /** @description authorization_code grant: the PKCE verifier, when /authorize was given a code_challenge */
                    code_verifier?: string;
                    /** @enum {string} */
                    grant_type: "password" | "refresh_token" | "authorization_code";
                    password?: string;
                    /** @description authorization_code grant: if sent, must be the redirect_uri the code was issued for */
                    redirect_uri?: string;
                    refresh_token?: string;
                    scope?: string;
                    /** @description Browsers: set the refresh token as the HttpOnly session cookie instead of returning it (as for `login`) */
                    set_cookie?: boolean;
                    /** @description Email or username (password grant) */
                    username?: string;
                };
                "application/x-www-form-urlencoded": {
                    client_id?: string;
                    /** @description authorization_code grant: the one-time code the sign-in callback put on redirect_uri (60 s, single use) */
                    code?: string;
                    /** @description authorization_code grant: the PKCE verifier, when /authorize was given a code_challenge */
                    code_verifier?: string;
                    /** @enum {string} */
                    grant_type: "password" | "refresh_token" | "authorization_code";
                    password?: string;
                    /** @description authorization_code grant: if sent, must be the redirect_uri the code was issued for */
                    redirect_uri?: string;
                    refresh_token?: string;
                    scope?: string;
                    /** @description Browsers: set the refresh token as the HttpOnly session cookie instead of returning it (as for `login`) */
                    set_cookie?: boolean;
                    /** @description Email or username (password grant) */
                    username?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        access_token: string;
                        expires_in: number;
                        refresh_token: string;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    } | {
                        access_token: string;
                        /** @description Send as X-CSRF-Token when refreshing from the cookie */
                        csrf_token: string;
                        expires_in: number;
                        /** Format: uuid */
                        session_id: string;
                        /** @constant */
                        token_type: "Bearer";
                    }) | {
                        expires_in: number;
                        /** @constant */
                        mfa_required: true;
                        mfa_token: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `OAUTH_CODE_INVALID`, `UNSUPPORTED_GRANT_TYPE` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "OAUTH_CODE_INVALID" | "UNSUPPORTED_GRANT_TYPE";
                        };
                    };
                };
            };
            /** @description Not authenticated: `INVALID_CREDENTIALS`, `REFRESH_TOKEN_INVALID`, `REFRESH_TOKEN_REUSED`, `SESSION_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SESSION_REVOKED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `ACCOUNT_LOCKED`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_LOCKED" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "auth.upgradeAnonymous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatar_url: string | null;
                        created_at: string;
                        email: string | null;
                        email_verified: boolean;
                        full_name: string | null;
                        has_password: boolean;
                        /** Format: uuid */
                        id: string;
                        is_active: boolean;
                        is_anonymous: boolean;
                        /** @enum {string} */
                        role: "user" | "admin";
                        timezone: string | null;
                        username: string | null;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Conflict: `ACCOUNT_EXISTS`, `NOT_ANONYMOUS` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_EXISTS" | "NOT_ANONYMOUS";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED`, `WEAK_PASSWORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED" | "WEAK_PASSWORD";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "billing.checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    plan: "pro" | "premium";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session_id: string;
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `PLAN_NOT_PURCHASABLE`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PLAN_NOT_PURCHASABLE" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description Bad gateway: `STRIPE_REQUEST_FAILED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "STRIPE_REQUEST_FAILED";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `STRIPE_NOT_CONFIGURED`, `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "STRIPE_NOT_CONFIGURED" | "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "billing.portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session_id: string;
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description Bad gateway: `STRIPE_REQUEST_FAILED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "STRIPE_REQUEST_FAILED";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `STRIPE_NOT_CONFIGURED`, `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "STRIPE_NOT_CONFIGURED" | "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "queued" | "active" | "completed" | "failed" | "canceled";
                type?: "trim" | "overlay" | "transcribe" | "hooks" | "shorts";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Job"][];
                        /** @description Pass as `cursor` for the next page; null on the last */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the copy you have */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Changes whenever the job does */
                    ETag: string;
                    /** @description Seconds until the next useful poll (queued or running) */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Not modified (If-None-Match matched) */
            304: {
                headers: {
                    /** @description The current tag */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `JOB_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "JOB_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.cancel": {
        parameters: {
            query?: {
                purge?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Purged (`?purge=true`) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `JOB_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "JOB_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `JOB_NOT_CANCELABLE`, `JOB_NOT_FINISHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "JOB_NOT_CANCELABLE" | "JOB_NOT_FINISHED";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.downloadOutput": {
        parameters: {
            query?: never;
            header?: {
                /** @description A single byte range (`bytes=0-1023`) */
                Range?: string;
            };
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description attachment; filename=… */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range */
            206: {
                headers: {
                    /** @description bytes start-end/size */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `JOB_NOT_FOUND`, `OUTPUT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "JOB_NOT_FOUND" | "OUTPUT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: `OUTPUT_EXPIRED` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OUTPUT_EXPIRED";
                        };
                    };
                };
            };
            /** @description Range not satisfiable: `RANGE_NOT_SATISFIABLE` */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RANGE_NOT_SATISFIABLE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.outputUrl": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedUrl"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `JOB_NOT_FOUND`, `OUTPUT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "JOB_NOT_FOUND" | "OUTPUT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: `OUTPUT_EXPIRED` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OUTPUT_EXPIRED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.createHooks": {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first answer (kept 24 h); reuse with another body is 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    callback_url?: string;
                    /** @default 3 */
                    count?: number;
                    input: {
                        /** Format: uuid */
                        upload_id: string;
                    } | {
                        /** Format: uri */
                        url: string;
                    } | {
                        /** Format: uri */
                        video_page_url: string;
                    } | {
                        /** Format: uuid */
                        job_id: string;
                    };
                    language?: string;
                    /** @default 60 */
                    max_s?: number;
                    /** @default 15 */
                    min_s?: number;
                    model?: string;
                    /** @enum {string} */
                    provider?: "openai" | "groq" | "openai_compatible" | "anthropic";
                    topics?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description true when this is a stored answer */
                    "Idempotent-Replayed"?: string;
                    /** @description The job to poll */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `IDEMPOTENCY_KEY_INVALID`, `NO_CHAT_PROVIDER_KEY`, `NO_PROVIDER_KEY` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "IDEMPOTENCY_KEY_INVALID" | "NO_CHAT_PROVIDER_KEY" | "NO_PROVIDER_KEY";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Payment required: `QUOTA_EXCEEDED` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `JOB_NOT_FOUND`, `UPLOAD_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "JOB_NOT_FOUND" | "UPLOAD_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `IDEMPOTENCY_KEY_IN_USE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_IN_USE";
                        };
                    };
                };
            };
            /** @description Gone: `OUTPUT_EXPIRED` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OUTPUT_EXPIRED";
                        };
                    };
                };
            };
            /** @description Too large: `FILE_TOO_LARGE`, `INPUT_TOO_LARGE`, `MEDIA_TOO_LONG`, `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FILE_TOO_LARGE" | "INPUT_TOO_LARGE" | "MEDIA_TOO_LONG" | "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `IDEMPOTENCY_KEY_REUSED`, `URL_FORBIDDEN`, `VALIDATION_FAILED`, `VIDEO_PAGE_INPUTS_DISABLED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_REUSED" | "URL_FORBIDDEN" | "VALIDATION_FAILED" | "VIDEO_PAGE_INPUTS_DISABLED";
                        };
                    };
                };
            };
            /** @description Too many requests: `CONCURRENCY_LIMIT`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "CONCURRENCY_LIMIT" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.createOverlay": {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first answer (kept 24 h); reuse with another body is 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    callback_url?: string;
                    input: {
                        /** Format: uuid */
                        upload_id: string;
                    } | {
                        /** Format: uri */
                        url: string;
                    } | {
                        /** Format: uri */
                        video_page_url: string;
                    };
                    overrides?: {
                        box?: boolean;
                        box_color?: string;
                        box_opacity?: number;
                        duration?: number;
                        font_color?: string;
                        font_size?: number;
                        /** @enum {string} */
                        position?: "top" | "center" | "bottom" | "top_left" | "top_right" | "bottom_left" | "bottom_right";
                    };
                    /**
                     * @default default
                     * @enum {string}
                     */
                    template?: "default" | "title" | "caption" | "lower_third" | "watermark";
                    text: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description true when this is a stored answer */
                    "Idempotent-Replayed"?: string;
                    /** @description The job to poll */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `IDEMPOTENCY_KEY_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "IDEMPOTENCY_KEY_INVALID";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Payment required: `QUOTA_EXCEEDED` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `EMAIL_NOT_VERIFIED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "EMAIL_NOT_VERIFIED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `UPLOAD_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPLOAD_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `IDEMPOTENCY_KEY_IN_USE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_IN_USE";
                        };
                    };
                };
            };
            /** @description Too large: `FILE_TOO_LARGE`, `INPUT_TOO_LARGE`, `MEDIA_TOO_LONG`, `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FILE_TOO_LARGE" | "INPUT_TOO_LARGE" | "MEDIA_TOO_LONG" | "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `IDEMPOTENCY_KEY_REUSED`, `UNSUPPORTED_MEDIA`, `URL_FETCH_FAILED`, `URL_FORBIDDEN`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_REUSED" | "UNSUPPORTED_MEDIA" | "URL_FETCH_FAILED" | "URL_FORBIDDEN" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `CONCURRENCY_LIMIT`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "CONCURRENCY_LIMIT" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.createShorts": {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first answer (kept 24 h); reuse with another body is 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    callback_url?: string;
                    count: number;
                    input: {
                        /** Format: uuid */
                        upload_id: string;
                    } | {
                        /** Format: uri */
                        url: string;
                    } | {
                        /** Format: uri */
                        video_page_url: string;
                    } | {
                        /** Format: uuid */
                        job_id: string;
                    };
                    language?: string;
                    /** @default 60 */
                    max_s?: number;
                    /** @default 15 */
                    min_s?: number;
                    model?: string;
                    /** @enum {string} */
                    provider?: "openai" | "groq" | "openai_compatible" | "anthropic";
                    /** @default true */
                    subtitles?: boolean;
                    topics?: string[];
                    /**
                     * @default crop
                     * @enum {string}
                     */
                    vertical?: "crop" | "pad";
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description true when this is a stored answer */
                    "Idempotent-Replayed"?: string;
                    /** @description The job to poll */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `IDEMPOTENCY_KEY_INVALID`, `NO_CHAT_PROVIDER_KEY`, `NO_PROVIDER_KEY` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "IDEMPOTENCY_KEY_INVALID" | "NO_CHAT_PROVIDER_KEY" | "NO_PROVIDER_KEY";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Payment required: `QUOTA_EXCEEDED` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `JOB_NOT_FOUND`, `UPLOAD_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "JOB_NOT_FOUND" | "UPLOAD_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `IDEMPOTENCY_KEY_IN_USE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_IN_USE";
                        };
                    };
                };
            };
            /** @description Gone: `OUTPUT_EXPIRED` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "OUTPUT_EXPIRED";
                        };
                    };
                };
            };
            /** @description Too large: `FILE_TOO_LARGE`, `INPUT_TOO_LARGE`, `MEDIA_TOO_LONG`, `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FILE_TOO_LARGE" | "INPUT_TOO_LARGE" | "MEDIA_TOO_LONG" | "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `IDEMPOTENCY_KEY_REUSED`, `URL_FORBIDDEN`, `VALIDATION_FAILED`, `VIDEO_PAGE_INPUTS_DISABLED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_REUSED" | "URL_FORBIDDEN" | "VALIDATION_FAILED" | "VIDEO_PAGE_INPUTS_DISABLED";
                        };
                    };
                };
            };
            /** @description Too many requests: `CONCURRENCY_LIMIT`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "CONCURRENCY_LIMIT" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStats"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.createTranscribe": {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first answer (kept 24 h); reuse with another body is 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    callback_url?: string;
                    /** @default false */
                    diarization?: boolean;
                    input: {
                        /** Format: uuid */
                        upload_id: string;
                    } | {
                        /** Format: uri */
                        url: string;
                    } | {
                        /** Format: uri */
                        video_page_url: string;
                    };
                    language?: string;
                    /** @default whisper-1 */
                    model?: string;
                    prompt?: string;
                    provider?: string;
                    /** @default false */
                    translate_to_english?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description true when this is a stored answer */
                    "Idempotent-Replayed"?: string;
                    /** @description The job to poll */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `IDEMPOTENCY_KEY_INVALID`, `NO_PROVIDER_KEY` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "IDEMPOTENCY_KEY_INVALID" | "NO_PROVIDER_KEY";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Payment required: `QUOTA_EXCEEDED` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `EMAIL_NOT_VERIFIED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "EMAIL_NOT_VERIFIED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `PROVIDER_KEY_NOT_FOUND`, `UPLOAD_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PROVIDER_KEY_NOT_FOUND" | "UPLOAD_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `IDEMPOTENCY_KEY_IN_USE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_IN_USE";
                        };
                    };
                };
            };
            /** @description Too large: `FILE_TOO_LARGE`, `INPUT_TOO_LARGE`, `MEDIA_TOO_LONG`, `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FILE_TOO_LARGE" | "INPUT_TOO_LARGE" | "MEDIA_TOO_LONG" | "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `IDEMPOTENCY_KEY_REUSED`, `UNSUPPORTED_MEDIA`, `URL_FETCH_FAILED`, `URL_FORBIDDEN`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_REUSED" | "UNSUPPORTED_MEDIA" | "URL_FETCH_FAILED" | "URL_FORBIDDEN" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `CONCURRENCY_LIMIT`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "CONCURRENCY_LIMIT" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "jobs.createTrim": {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first answer (kept 24 h); reuse with another body is 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    callback_url?: string;
                    end: number | string;
                    input: {
                        /** Format: uuid */
                        upload_id: string;
                    } | {
                        /** Format: uri */
                        url: string;
                    } | {
                        /** Format: uri */
                        video_page_url: string;
                    };
                    /**
                     * @default fast
                     * @enum {string}
                     */
                    mode?: "fast" | "precise";
                    start: number | string;
                    /** @default false */
                    subtitles?: boolean;
                    /** @default false */
                    thumbnail?: boolean;
                    /** @enum {string} */
                    vertical?: "crop" | "pad";
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description true when this is a stored answer */
                    "Idempotent-Replayed"?: string;
                    /** @description The job to poll */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request: `BAD_REQUEST`, `IDEMPOTENCY_KEY_INVALID`, `NO_PROVIDER_KEY` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST" | "IDEMPOTENCY_KEY_INVALID" | "NO_PROVIDER_KEY";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Payment required: `QUOTA_EXCEEDED` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `EMAIL_NOT_VERIFIED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "EMAIL_NOT_VERIFIED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `PROVIDER_KEY_NOT_FOUND`, `UPLOAD_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PROVIDER_KEY_NOT_FOUND" | "UPLOAD_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `IDEMPOTENCY_KEY_IN_USE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_IN_USE";
                        };
                    };
                };
            };
            /** @description Too large: `FILE_TOO_LARGE`, `INPUT_TOO_LARGE`, `MEDIA_TOO_LONG`, `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FILE_TOO_LARGE" | "INPUT_TOO_LARGE" | "MEDIA_TOO_LONG" | "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `IDEMPOTENCY_KEY_REUSED`, `UNSUPPORTED_MEDIA`, `URL_FETCH_FAILED`, `URL_FORBIDDEN`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "IDEMPOTENCY_KEY_REUSED" | "UNSUPPORTED_MEDIA" | "URL_FETCH_FAILED" | "URL_FORBIDDEN" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `CONCURRENCY_LIMIT`, `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "CONCURRENCY_LIMIT" | "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "billing.listPlans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            code: string;
                            features: string[];
                            limits: {
                                hooks_per_month: number;
                                max_concurrent_jobs: number;
                                max_file_bytes: number;
                                max_media_seconds: number;
                                overlays_per_month: number;
                                retention_days: number;
                                transcribe_minutes_per_month: number;
                                transcribes_per_month: number;
                                trims_per_month: number;
                            };
                            name: string;
                            priority: number;
                        }[];
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "providerKeys.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            base_url: string | null;
                            created_at: string;
                            label: string | null;
                            last_error: string | null;
                            last_error_at: string | null;
                            last_used_at: string | null;
                            last4: string;
                            /** @enum {string} */
                            provider: "openai" | "groq" | "openai_compatible" | "anthropic";
                            /** @enum {string} */
                            status: "active" | "error";
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "providerKeys.set": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    api_key: string;
                    base_url?: string | null;
                    label?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        base_url: string | null;
                        created_at: string;
                        label: string | null;
                        last_error: string | null;
                        last_error_at: string | null;
                        last_used_at: string | null;
                        last4: string;
                        /** @enum {string} */
                        provider: "openai" | "groq" | "openai_compatible" | "anthropic";
                        /** @enum {string} */
                        status: "active" | "error";
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `UNSUPPORTED_PROVIDER` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_PROVIDER";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `URL_FORBIDDEN`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "URL_FORBIDDEN" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "providerKeys.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `PROVIDER_KEY_NOT_FOUND`, `UNSUPPORTED_PROVIDER` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PROVIDER_KEY_NOT_FOUND" | "UNSUPPORTED_PROVIDER";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "providerKeys.test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checked_at: string;
                        /** @description Why the key did not work (PROVIDER_KEY_REJECTED, PROVIDER_UNAVAILABLE, PROVIDER_TIMEOUT, URL_FORBIDDEN…) */
                        code?: string;
                        /** @description The provider's HTTP status, when it answered */
                        http_status?: number;
                        latency_ms: number;
                        message?: string;
                        ok: boolean;
                        /** @enum {string} */
                        provider: "openai" | "groq" | "openai_compatible" | "anthropic";
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `PROVIDER_KEY_NOT_FOUND`, `UNSUPPORTED_PROVIDER` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PROVIDER_KEY_NOT_FOUND" | "UNSUPPORTED_PROVIDER";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "providers.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @enum {string} */
                            chat_api: "openai" | "anthropic";
                            default_base_url: string | null;
                            /** @enum {string} */
                            id: "openai" | "groq" | "openai_compatible" | "anthropic";
                            name: string;
                            requires_base_url: boolean;
                            /** @description What a key of this provider is used for */
                            uses: ("transcription" | "chat")[];
                        }[];
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "billing.getSubscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current_period_end: string;
                        current_period_start: string;
                        features: string[];
                        limits: {
                            hooks_per_month: number;
                            max_concurrent_jobs: number;
                            max_file_bytes: number;
                            max_media_seconds: number;
                            overlays_per_month: number;
                            retention_days: number;
                            transcribe_minutes_per_month: number;
                            transcribes_per_month: number;
                            trims_per_month: number;
                        };
                        overrides: {
                            [key: string]: unknown;
                        };
                        plan: string;
                        priority: number;
                        /** @enum {string} */
                        status: "active" | "trialing" | "past_due" | "canceled";
                        /** Format: uuid */
                        user_id: string;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "uploads.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Upload"][];
                        /** @description Pass as `cursor` for the next page; null on the last */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "uploads.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The media file */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Payment required: `QUOTA_EXCEEDED` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Error: `REQUEST_TIMEOUT` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "REQUEST_TIMEOUT";
                        };
                    };
                };
            };
            /** @description Too large: `FILE_TOO_LARGE`, `MEDIA_TOO_LONG`, `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FILE_TOO_LARGE" | "MEDIA_TOO_LONG" | "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `UNSUPPORTED_MEDIA`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_MEDIA" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `MEDIA_TOOLS_UNAVAILABLE`, `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "MEDIA_TOOLS_UNAVAILABLE" | "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "uploads.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `UPLOAD_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPLOAD_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "uploads.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `UPLOAD_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPLOAD_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Conflict: `UPLOAD_IN_USE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPLOAD_IN_USE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "billing.usageEvents": {
        parameters: {
            query?: {
                action?: "trim" | "overlay" | "transcribe" | "requests";
                cursor?: string;
                from?: string;
                limit?: number;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            action: string | null;
                            ai_model: string | null;
                            ai_provider: string | null;
                            event_id: string;
                            input_bytes: number;
                            input_tokens: number;
                            job_id: string | null;
                            /** @enum {string} */
                            kind: "job" | "requests";
                            media_seconds: number;
                            occurred_at: string;
                            output_bytes: number;
                            output_tokens: number;
                            processing_ms: number;
                            template: string | null;
                            units: number;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "billing.usageSummary": {
        parameters: {
            query?: {
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: {
                            hooks: {
                                limit: number | null;
                                remaining: number | null;
                                reserved: number;
                                used: number;
                            };
                            overlay: {
                                limit: number | null;
                                remaining: number | null;
                                reserved: number;
                                used: number;
                            };
                            transcribe: {
                                limit: number | null;
                                remaining: number | null;
                                reserved: number;
                                used: number;
                            };
                            trim: {
                                limit: number | null;
                                remaining: number | null;
                                reserved: number;
                                used: number;
                            };
                        };
                        ai_tokens: {
                            input: number;
                            output: number;
                        };
                        api_requests: number;
                        input_bytes: number;
                        media_seconds: number;
                        month: string;
                        output_bytes: number;
                        plan: string;
                        processing_seconds: number;
                        resets_at: string;
                        transcribe_minutes: {
                            limit: number | null;
                            remaining: number | null;
                            reserved: number;
                            used: number;
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookEndpoint"][];
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    events: ("job.completed" | "job.failed" | "job.canceled" | "usage.threshold_reached")[];
                    /** Format: uri */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Conflict: `WEBHOOK_LIMIT_REACHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_LIMIT_REACHED";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `URL_FORBIDDEN`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "URL_FORBIDDEN" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.listDeliveries": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        /** @description Pass as `cursor` for the next page; null on the last */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.getDelivery": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_DELIVERY_NOT_FOUND`, `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_DELIVERY_NOT_FOUND" | "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_DELIVERY_NOT_FOUND`, `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_DELIVERY_NOT_FOUND" | "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.rotateSecret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    overlap_hours?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found: `WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "WEBHOOK_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    "webhooks.rotateCallbackSecret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    overlap_hours?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackSecret"];
                };
            };
            /** @description Bad request: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "BAD_REQUEST";
                        };
                    };
                };
            };
            /** @description Not authenticated: `API_KEY_EXPIRED`, `API_KEY_INVALID`, `API_KEY_REVOKED`, `SESSION_REVOKED`, `TOKEN_EXPIRED`, `TOKEN_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "API_KEY_EXPIRED" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "SESSION_REVOKED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Forbidden: `ACCOUNT_DISABLED`, `FEATURE_NOT_IN_PLAN`, `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ACCOUNT_DISABLED" | "FEATURE_NOT_IN_PLAN" | "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Unsupported content type: `UNSUPPORTED_CONTENT_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNSUPPORTED_CONTENT_TYPE";
                        };
                    };
                };
            };
            /** @description Invalid input: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Too many requests: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description Internal error: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description A dependency is unavailable; retry later: `UPSTREAM_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UPSTREAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
}
