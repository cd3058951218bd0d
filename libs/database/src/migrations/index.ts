import { Init1732000000000 } from './1732000000000-init';
import { Auth1732000100000 } from './1732000100000-auth';
import { Billing1732000200000 } from './1732000200000-billing';
import { MediaJobs1732000300000 } from './1732000300000-media-jobs';
import { Webhooks1732000400000 } from './1732000400000-webhooks';
import { AuditMsPrecision1732000500000 } from './1732000500000-audit-ms-precision';
import { SubtitleMinutes1732000600000 } from './1732000600000-subtitle-minutes';
import { ChatProviderKeys1732001800000 } from './1732001800000-chat-provider-keys';
import { HooksMetering1732001800100 } from './1732001800100-hooks-metering';
import { HooksJobs1732001800200 } from './1732001800200-hooks-jobs';
import { SubscriptionPastDue1732001900000 } from './1732001900000-subscription-past-due';
import { WebhookEndpointDisabled1732002150000 } from './1732002150000-webhook-endpoint-disabled';
import { JobsOpenIdx1732002300000 } from './1732002300000-jobs-open-idx';
import { AccountEmail1796164512411 } from './1796164512411-account-email';
import { AnonymousTrial1796180900000 } from './1796180900000-anonymous-trial';
import { MfaTotp1796184000000 } from './1796184000000-mfa-totp';
import { Identities1796190316016 } from './1796190316016-identities';
import { UploadStreams1796200000000 } from './1796200000000-upload-streams';

/**
 * Every migration, in order. Each owner app adds its own files (auth 17320001…, billing 17320002…,
 * gateway 17320003…; later changes take the next free number so they sort after what a database
 * already ran); they are hand-reviewed and each has a working `down`.
 */
export const MIGRATIONS = [
  Init1732000000000,
  Auth1732000100000,
  Billing1732000200000,
  MediaJobs1732000300000,
  Webhooks1732000400000,
  AuditMsPrecision1732000500000,
  SubtitleMinutes1732000600000,
  ChatProviderKeys1732001800000,
  HooksMetering1732001800100,
  HooksJobs1732001800200,
  SubscriptionPastDue1732001900000,
  WebhookEndpointDisabled1732002150000,
  JobsOpenIdx1732002300000,
  AccountEmail1796164512411,
  AnonymousTrial1796180900000,
  MfaTotp1796184000000,
  Identities1796190316016,
  UploadStreams1796200000000,
];
