/** Tables the billing app owns (only it writes them). */
export const BILLING_ENTITIES = [];
