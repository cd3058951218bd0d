import { masterKeysVar } from '@clipyard/security';

/** `WEBHOOK_SECRET_KEYS`: the gateway's own versioned keys sealing endpoint secrets (KeyRing format). */
export const webhookSecretKeysVar = () => masterKeysVar('1:Z2VuZXJhdGVkLW9uLWZpcnN0LXN0YXJ0LTAwMDAwMDE=');
