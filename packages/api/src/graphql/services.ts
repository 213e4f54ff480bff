import type { Config } from '../config/config.js';
import type { Logger } from 'pino';
import { AuthService } from '../modules/auth/auth.service.js';
import { CustomerService } from '../modules/customers/customer.service.js';
import { PurchaseService } from '../modules/purchases/purchase.service.js';
import { PlanService } from '../modules/plans/plan.service.js';
import { RepaymentService } from '../modules/repayments/repayment.service.js';
import { RecoveryService } from '../modules/recovery/recovery.service.js';
import { DecisionService } from '../modules/decisions/decision.service.js';
import { PartnerLinkService } from '../modules/links/links.service.js';
import { PartnerKeyService } from '../modules/partners/partner-keys.service.js';
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
  links: PartnerLinkService;
  partnerKeys: PartnerKeyService;
  notes: NoteService;
}

export function createServices(config: Config, logger: Logger): Services {
  return {
    auth: new AuthService(config),
    customers: new CustomerService(config),
    purchases: new PurchaseService(config),
    plans: new PlanService(),
    repayments: new RepaymentService(),
    recovery: new RecoveryService(),
    decisions: new DecisionService(config),
    links: new PartnerLinkService(config, logger),
    partnerKeys: new PartnerKeyService(),
    notes: new NoteService(),
  };
}
