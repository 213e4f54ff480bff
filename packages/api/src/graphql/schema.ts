import 'reflect-metadata';
import { buildSchema, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context.js';
import { unauthenticated } from './errors.js';
import { viewerHasRole } from '../modules/auth/viewer.js';
import { NodeResolver } from './node.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { CustomerResolver } from '../modules/customers/customer.resolver.js';
import { PurchaseResolver } from '../modules/purchases/purchase.resolver.js';
import { PlanResolver } from '../modules/plans/plan.resolver.js';
import { RepaymentResolver } from '../modules/repayments/repayment.resolver.js';
import { AccountMoneyResolver } from '../modules/repayments/account-money.resolver.js';
import { CustomerRecoveryResolver, RecoveryResolver } from '../modules/recovery/recovery.resolver.js';

/** Every resolver, registered once. A new feature adds its resolvers here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  AuthResolver,
  CustomerResolver,
  // money (issue 5)
  PurchaseResolver,
  PlanResolver,
  RepaymentResolver,
  AccountMoneyResolver,
  RecoveryResolver,
  CustomerRecoveryResolver,
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

let cached: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process (type-graphql metadata is global). */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
  return cached;
}
