import { AccountDeletionService } from './account-deletion.service';
import { AccountEmailRpc } from './account-email.rpc';
import { AccountLinks } from './account-links';
import { EmailChangeService } from './email-change.service';
import { EmailFlowLimits } from './email-flow-limits';
import { MagicLinkService } from './magic-link.service';
import { PasswordResetService } from './password-reset.service';
import { VerificationService } from './verification.service';
import { MailTransport } from '../mail/mail-transport';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { OneTimeTokensRepository } from '../one-time-tokens/one-time-tokens.repository';
import { Outbox } from '../outbox/outbox.service';
import { OutboxRepository } from '../outbox/outbox.repository';

/** The email flows, the outbox and the mail transport (the outbox consumer is registered with the background work). */
export const ACCOUNT_EMAIL_PROVIDERS = [
  MailTransport,
  OutboxRepository,
  Outbox,
  OneTimeTokensRepository,
  OneTimeTokens,
  AccountLinks,
  EmailFlowLimits,
  VerificationService,
  PasswordResetService,
  MagicLinkService,
  EmailChangeService,
  AccountDeletionService,
  AccountEmailRpc,
];
