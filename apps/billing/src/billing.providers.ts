import { Clock } from './common/clock';
import { PlansRepository } from './plans/plans.repository';
import { PlansRpc } from './plans/plans.rpc';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { SubscriptionsRpc } from './subscriptions/subscriptions.rpc';
import { QuotaRepository } from './quota/quota.repository';
import { QuotaService } from './quota/quota.service';
import { QuotaRpc } from './quota/quota.rpc';
import { UsageRepository } from './usage/usage.repository';
import { UsageService } from './usage/usage.service';
import { UsageQueryService } from './usage/usage-query.service';
import { UsageRpc } from './usage/usage.rpc';
import { UsageConsumer } from './usage/usage.consumer';
import { UsageThresholds } from './usage/usage-thresholds';
import { ReaperService } from './reaper/reaper.service';
import { StripeService } from './stripe/stripe.service';
import { StripeCheckoutService } from './stripe/stripe-checkout.service';
import { StripeRpc } from './stripe/stripe.rpc';
import { StripeEventsRepository } from './stripe/stripe-events.repository';
import { AccountEventsConsumer } from './accounts/account-events.consumer';

/** Every billing feature's providers (plans, subscriptions, quota, usage, reaper, Stripe). */
export const BILLING_PROVIDERS = [
  Clock,
  PlansRepository,
  PlansRpc,
  SubscriptionsRepository,
  SubscriptionsService,
  SubscriptionsRpc,
  QuotaRepository,
  QuotaService,
  QuotaRpc,
  UsageRepository,
  UsageService,
  UsageQueryService,
  UsageRpc,
  UsageConsumer,
  UsageThresholds,
  ReaperService,
  StripeEventsRepository,
  StripeService,
  StripeCheckoutService,
  StripeRpc,
  AccountEventsConsumer,
];
