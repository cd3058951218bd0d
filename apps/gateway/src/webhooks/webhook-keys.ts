import { masterKeysVar } from '@clipyard/security';

/** `WEBHOOK_SECRET_KEYS`: the gateway's own versioned keys sealing endpoint secrets (KeyRing format). */
export const webhookSecretKeysVar = () => masterKeysVar('1:ZGV2LW9ubHktY2xpcHlhcmQtd2ViaG9vay1rZXktMDE=');
