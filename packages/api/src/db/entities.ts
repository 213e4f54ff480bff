/** Every entity, registered once with MikroORM. A new feature adds its entities here. */
import { Customer } from '../modules/customers/customer.entity.js';
import {
  BureauReport,
  Order,
  RepaymentHistory,
  Review,
} from '../modules/behaviour/behaviour.entity.js';
import {
  CategoryLimit,
  CreditAccount,
  TemporaryLimit,
} from '../modules/accounts/credit-account.entity.js';
import { LimitDecision } from '../modules/decisions/limit-decision.entity.js';
import { Promotion } from '../modules/promotions/promotion.entity.js';
import { Hold, Purchase } from '../modules/purchases/purchase.entity.js';
import { InstallmentPlan, ScheduleLine } from '../modules/plans/installment-plan.entity.js';
import { Repayment } from '../modules/repayments/repayment.entity.js';
import { LedgerEntry } from '../modules/ledger/ledger-entry.entity.js';
import {
  RecoveryDocument,
  RecoveryRequest,
  RecoveryTransition,
  RestorationStage,
} from '../modules/recovery/recovery-request.entity.js';
import { Notice, NoticeOutbox } from '../modules/notices/notice.entity.js';
import { Agent } from '../modules/agents/agent.entity.js';
import { PartnerApiKey, PartnerApp } from '../modules/partners/partner-app.entity.js';
import { PartnerLink, PartnerLinkRequest } from '../modules/links/partner-link.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { IdempotencyRecord } from '../modules/idempotency/idempotency-record.entity.js';
import { JobRun, JobWorker } from '../modules/jobs/job-run.entity.js';
import {
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEvent,
} from '../modules/webhooks/webhook.entity.js';
import { CustomerNote } from '../modules/notes/customer-note.entity.js';

export const entities = [
  Customer,
  Order,
  Review,
  RepaymentHistory,
  BureauReport,
  CreditAccount,
  TemporaryLimit,
  CategoryLimit,
  LimitDecision,
  Promotion,
  Purchase,
  Hold,
  InstallmentPlan,
  ScheduleLine,
  Repayment,
  LedgerEntry,
  RecoveryRequest,
  RecoveryDocument,
  RecoveryTransition,
  RestorationStage,
  Notice,
  NoticeOutbox,
  Agent,
  PartnerApp,
  PartnerApiKey,
  PartnerLink,
  PartnerLinkRequest,
  AuditEntry,
  IdempotencyRecord,
  JobRun,
  JobWorker,
  WebhookEndpoint,
  WebhookEvent,
  WebhookDelivery,
  WebhookAttempt,
  CustomerNote,
];
