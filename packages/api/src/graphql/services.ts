import type { Config } from '../config/config.js';
import type { Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AbuseLimits } from '../modules/abuse/rate-limits.js';
import { AgentAdminService } from '../modules/agents/agent-admin.service.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { CustomerService } from '../modules/customers/customer.service.js';
import { PurchaseService } from '../modules/purchases/purchase.service.js';
import { PlanService } from '../modules/plans/plan.service.js';
import { RepaymentService } from '../modules/repayments/repayment.service.js';
import { RecoveryService } from '../modules/recovery/recovery.service.js';
import { DecisionService } from '../modules/decisions/decision.service.js';
import { WebhookService } from '../modules/webhooks/webhook.service.js';
import { PartnerLinkService } from '../modules/links/links.service.js';
import { PartnerKeyService } from '../modules/partners/partner-keys.service.js';
import { CouponService } from '../modules/coupons/coupon.service.js';
import { RefundService } from '../modules/refunds/refund.service.js';
import { StaffMoneyService } from '../modules/credit/staff-money.service.js';
import { RevolvingService } from '../modules/revolving/revolving.service.js';
import { NoteService } from '../modules/notes/note.service.js';

/** Process-wide services, built once at start and shared by every request. */
export interface Services {
  auth: AuthService;
  customers: CustomerService;
  purchases: PurchaseService;
  plans: PlanService;
  repayments: RepaymentService;
  recovery: RecoveryService;
  decisions: DecisionService;
  webhooks: WebhookService;
  links: PartnerLinkService;
  partnerKeys: PartnerKeyService;
  /** Rate limits and sign-in lockouts, shared by every process through PostgreSQL. */
  abuse: AbuseLimits;
  agents: AgentAdminService;
  coupons: CouponService;
  refunds: RefundService;
  staffMoney: StaffMoneyService;
  /** The revolving upgrade: offers, statements, payments, points (issue 14). */
  revolving: RevolvingService;
  notes: NoteService;
}

export function createServices(config: Config, logger: Logger, orm: MikroORM): Services {
  return {
    auth: new AuthService(config),
    customers: new CustomerService(config),
    purchases: new PurchaseService(config),
    plans: new PlanService(),
    repayments: new RepaymentService(),
    recovery: new RecoveryService(),
    decisions: new DecisionService(config),
    webhooks: new WebhookService(config),
    links: new PartnerLinkService(config, logger),
    partnerKeys: new PartnerKeyService(),
    abuse: new AbuseLimits(orm, config),
    agents: new AgentAdminService(),
    coupons: new CouponService(),
    refunds: new RefundService(),
    staffMoney: new StaffMoneyService(),
    revolving: new RevolvingService(),
    notes: new NoteService(),
  };
}
