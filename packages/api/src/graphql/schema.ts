import 'reflect-metadata';
import {
  ArgumentValidationError,
  buildSchema,
  type AuthChecker,
  type NonEmptyArray,
} from 'type-graphql';
import { validateOrReject, type ValidatorOptions } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context.js';
import { unauthenticated } from './errors.js';
import { viewerHasRole } from '../modules/auth/viewer.js';
import { NodeResolver } from './node.resolver.js';
import { StressTestResolver } from '../modules/risk/stress.resolver.js';
import { ScoringModelResolver } from '../modules/models/model-registry.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { CustomerResolver } from '../modules/customers/customer.resolver.js';
import {
  AccountPurchasesResolver,
  PurchaseResolver,
} from '../modules/purchases/purchase.resolver.js';
import { PlanResolver, PurchasePlanResolver } from '../modules/plans/plan.resolver.js';
import { RepaymentResolver } from '../modules/repayments/repayment.resolver.js';
import { RefundResolver } from '../modules/refunds/refund.resolver.js';
import { CreditResolver } from '../modules/credit/credit.resolver.js';
import { AccountCouponsResolver, CouponResolver } from '../modules/coupons/coupon.resolver.js';
import { RevolvingResolver } from '../modules/revolving/revolving.resolver.js';
import { AccountMoneyResolver } from '../modules/repayments/account-money.resolver.js';
import {
  CustomerRecoveryResolver,
  RecoveryResolver,
  RecoveryTransitionResolver,
  AccountRecoveryResolver,
} from '../modules/recovery/recovery.resolver.js';
import {
  AccountDecisionsResolver,
  DecisionMutationResolver,
  LimitDecisionResolver,
} from '../modules/decisions/decision.resolver.js';
import { AccountLimitsResolver } from '../modules/accounts/account-limits.resolver.js';
import {
  AccountNoticesResolver,
  NoticeMutationResolver,
  NoticeTextResolver,
} from '../modules/notices/notice.resolver.js';
import {
  CustomerAuditResolver,
  CustomerPiiResolver,
} from '../modules/customers/customer-staff.resolver.js';
import { JobResolver } from '../modules/jobs/job.resolver.js';
import { DeliveryResolver } from '../modules/delivery/delivery.resolver.js';
import {
  WebhookDeliveryFieldsResolver,
  WebhookResolver,
} from '../modules/webhooks/webhook.resolver.js';
import { CustomerLinksResolver, PartnerLinkResolver } from '../modules/links/links.resolver.js';
import { PartnerAppResolver } from '../modules/partners/partner.resolver.js';
import { NoteResolver } from '../modules/notes/note.resolver.js';
import { CustomerTimelineResolver } from '../modules/timeline/timeline.resolver.js';

import {
  AccountLifecycleResolver,
  CustomerApplicationsResolver,
  LifecycleMutationResolver,
} from '../modules/lifecycle/lifecycle.resolver.js';

import { CategoryLimitResolver } from '../modules/accounts/category-limit.resolver.js';
import { PromotionResolver } from '../modules/promotions/promotion.resolver.js';

/** Every resolver, registered once. A new feature adds its resolvers here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  AuthResolver,
  CustomerResolver,
  // money (issue 5)
  PurchaseResolver,
  AccountPurchasesResolver,
  PlanResolver,
  PurchasePlanResolver,
  RepaymentResolver,
  AccountMoneyResolver,
  RefundResolver,
  CreditResolver,
  CouponResolver,
  RevolvingResolver,
  AccountCouponsResolver,
  RecoveryResolver,
  CustomerRecoveryResolver,
  // limits, decisions, promotions, notices, reveal (issue 4)
  AccountLimitsResolver,
  AccountDecisionsResolver,
  AccountNoticesResolver,
  CustomerAuditResolver,
  CustomerPiiResolver,
  DecisionMutationResolver,
  NoticeMutationResolver,
  // jobs, delivery, webhooks (issue 13)
  JobResolver,
  DeliveryResolver,
  WebhookResolver,
  WebhookDeliveryFieldsResolver,
  // trust boundary (issue 12): customer ↔ partner links, partner apps and keys
  PartnerLinkResolver,
  CustomerLinksResolver,
  PartnerAppResolver,
  // risk (issue 16): portfolio stress tests
  StressTestResolver,
  NoticeTextResolver,
  LimitDecisionResolver,
  // account lifecycle, bureau reports (issue 13)
  LifecycleMutationResolver,
  CustomerApplicationsResolver,
  AccountLifecycleResolver,
  CategoryLimitResolver,
  PromotionResolver,
  // models (issue 16 item 7): the model lifecycle
  ScoringModelResolver,
  // support desk (issue 15)
  NoteResolver,
  CustomerTimelineResolver,
  RecoveryTransitionResolver,
  AccountRecoveryResolver,
];

/**
 * `@Authorized()` = any signed-in caller (staff or partner); `@Authorized(Role.X)` = that staff
 * role (SUPERVISOR includes AGENT); `@Authorized(scope('limits:read'))` = a partner scope. Several
 * roles mean "any of them". Anonymous callers get UNAUTHENTICATED, others FORBIDDEN.
 */
export const authChecker: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  if (context.viewer.kind === 'anonymous') throw unauthenticated();
  return roles.length === 0 || roles.some((r) => viewerHasRole(context.viewer, r));
};

const VALIDATOR_OPTIONS: ValidatorOptions = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
};
const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/**
 * class-validator on every input object, as type-graphql's default does, but imported once:
 * the default runs `await import('class-validator')` for every argument of every request, and
 * under tsx each dynamic import is a round trip to the loader thread (measured: ~13 % of a
 * mutation's CPU time and a third of its latency).
 */
async function validateInput(argValue: unknown): Promise<void> {
  if (!isObject(argValue)) return;
  try {
    if (Array.isArray(argValue))
      await Promise.all(
        argValue.filter(isObject).map((v) => validateOrReject(v, VALIDATOR_OPTIONS)),
      );
    else await validateOrReject(argValue, VALIDATOR_OPTIONS);
  } catch (err) {
    throw new ArgumentValidationError(
      err as ConstructorParameters<typeof ArgumentValidationError>[0],
    );
  }
}

let cached: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process (type-graphql metadata is global). */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validateFn: validateInput,
  }).then((schema) => {
    // type-graphql does not describe the root types; every type is described (issue 17 item 5).
    schema.getQueryType()!.description = 'Reads: customers, accounts, purchases, queues and more.';
    schema.getMutationType()!.description =
      'Changes: each takes an `input` and answers a payload with `userErrors`.';
    return schema;
  });
  return cached;
}
