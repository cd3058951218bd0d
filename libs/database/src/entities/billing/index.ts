import { PlanEntity } from './plan.entity';
import { SubscriptionEntity } from './subscription.entity';
import { QuotaReservationEntity } from './quota-reservation.entity';
import { UsageEventEntity } from './usage-event.entity';
import { UsageMonthlyEntity } from './usage-monthly.entity';
import { StripeEventEntity } from './stripe-event.entity';

export { PlanEntity, SubscriptionEntity, QuotaReservationEntity, UsageEventEntity, UsageMonthlyEntity, StripeEventEntity };

/** Tables the billing app owns (only it writes them). */
export const BILLING_ENTITIES = [
  PlanEntity,
  SubscriptionEntity,
  QuotaReservationEntity,
  UsageEventEntity,
  UsageMonthlyEntity,
  StripeEventEntity,
];
