import {
  GraphQLError,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ErrorCode } from '../../graphql/errors.js';
import { PAYLOAD_ERROR_CODES } from '../../graphql/payload.js';

/**
 * What a partner app may select, field by field — one table for the whole schema, checked
 * before execution.
 *
 * A field's partner rule is, in this order:
 * 1. an entry in PARTNER_FIELD_RULES below (a scope, or OPEN when reaching the parent is enough);
 * 2. otherwise the field's `@Authorized(...)`: a `scope:x` role means "a partner with scope x";
 *    staff roles alone mean "not for partners";
 * 3. otherwise nothing: the field has no rule, and a partner selecting it is refused. The schema
 *    test (partner-boundary.int.test.ts) fails for any field reachable by a partner without a
 *    rule, so a new field cannot leak by default.
 *
 * The scopes a selection needs are also what the customer's link must grant: root fields that
 * reach a customer check the link for the union of the scopes under them (see PartnerGate).
 */
export const OPEN = 'open' as const;
export type PartnerRule = { scope: string | null } | { staffOnly: true };

/**
 * Value types, reached only through a field that is already checked (money amounts, pages,
 * payloads, schedule lines under a plan, the limits listed under an account): all fields open.
 */
const OPEN_TYPES = new Set([
  'Money',
  'PageInfo',
  // every payload's own userError type (`<Payload>UserError`, issue 17 item 5)
  'UserError',
  ...Object.keys(PAYLOAD_ERROR_CODES).map((payload) => `${payload}UserError`),
  'QuoteLine',
  'InstallmentQuote',
  'PayoffQuote',
  'ScheduleLine',
  'TemporaryLimit',
  'CategoryLimit',
  'AuthorizePurchasePayload',
  'PurchasePayload',
  'InstallmentPlanPayload',
  'RepaymentPayload',
  'StartPartnerLinkPayload',
  'PartnerLinkPayload',
  'PlanFees',
  'RefundPurchasePayload',
  // the revolving line (issue 14): payloads of mutations checked by their own rules
  'RevolvingLinePayload',
  'RevolvingOfferPayload',
  'PayStatementPayload',
  'RedeemPointsPayload',
  'CreateWebhookEndpointPayload',
  'WebhookEndpointPayload',
  'WebhookDeliveryPayload',
  // A reason code with its text, under an application (or a staff record, refused there).
  'DecisionReason',
]);

/** Types that are staff records: no partner reads them, whatever path it tries (node() included). */
const STAFF_TYPES = new Set([
  'LimitDecision',
  // the audit log (a Node since issue 17): staff only
  'AuditEntry',
  'Notice',
  'RecoveryRequest',
  'PartnerApp',
  'Agent',
  'CouponCampaign',
  // account lifecycle (issue 13): staff and risk-admin records and payloads
  'NoticeText',
  'NoticeWords',
  'Promotion',
  'RecordBureauReportPayload',
  'CategoryLimitPayload',
  'PromotionPayload',
  // the model lifecycle (issue 16): staff records, reached only through RISK_ADMIN fields
  'ScoringModelNode',
  'ScoringModelEventNode',
  'ShadowRunNode',
  'ScoreSummaryNode',
  'GradeCountNode',
  'ScoringModelPayload',
  'RollbackScoringModelPayload',
  // The policy's facts about a customer (grade, history): support reads them, partners do not.
  'RevolvingEligibility',
]);

const STAFF = 'staff' as const;
type FieldRule = string | typeof OPEN | typeof STAFF;

/**
 * Rules by type and field, where `@Authorized` alone does not say it. A string is the scope
 * needed; `'*'` applies to every field of the type not listed.
 */
const PARTNER_FIELD_RULES: Record<string, Record<string, FieldRule>> = {
  Query: { customer: OPEN, node: OPEN, me: STAFF, demoLogins: STAFF },
  Mutation: { signIn: STAFF },
  Customer: {
    account: OPEN,
    realNameVerified: 'limits:read',
    phoneBound: 'limits:read',
    bankCardBound: 'limits:read',
    registeredAt: 'limits:read',
  },
  CreditAccount: {
    installmentPlans: 'limits:read',
    repayments: 'limits:read',
    overdue: 'limits:read',
    // A customer's coupons are offered at checkout, with the quotes.
    usableCoupons: 'quotes:read',
  },
  Coupon: { '*': 'quotes:read' },
  // Refunds of a purchase: read by the app that made it, like the purchase.
  Refund: { '*': 'purchases:write' },
  OverdueState: { '*': 'limits:read' },
  // A partner sees only the purchases it made (the resolvers filter by app): reading them is
  // part of making them.
  Purchase: { customer: OPEN, holdExpiresAt: 'purchases:write', '*': 'purchases:write' },
  // Plans and repayments are the account's money records, read like its limits; the purchase
  // behind a plan only by the app that made it (the resolver answers null to others).
  InstallmentPlan: { purchase: 'purchases:write', '*': 'limits:read' },
  Repayment: { '*': 'limits:read' },
  // An app's own links.
  PartnerLink: { '*': OPEN },
  // The revolving line, its statements and the upgrade offer: the account's money records,
  // read like its limits (paying, redeeming and accepting need repayments:write, on the mutations).
  RevolvingLine: { '*': 'limits:read' },
  Statement: { '*': 'limits:read' },
  RevolvingOffer: { '*': 'limits:read' },
  // An app's own webhook endpoints, deliveries and attempts (the resolvers filter by app).
  WebhookEndpoint: { '*': 'webhooks:manage' },
  WebhookDelivery: { '*': 'webhooks:manage' },
  WebhookAttempt: { '*': 'webhooks:manage' },
  // The applications an app filed (applyForCredit, node()): the outcome and its reasons; the
  // score and grade behind them are staff information.
  CreditApplication: { score: STAFF, grade: STAFF, '*': 'accounts:apply' },
  // What applyForCredit answers a partner: the application and the account; the INITIAL decision
  // is a staff record.
  ApplyForCreditPayload: { decision: STAFF, '*': OPEN },
};

/** Types whose every field is open once the object is reached (connections, edges, payloads). */
const isOpenType = (name: string) =>
  OPEN_TYPES.has(name) || name.endsWith('Connection') || name.endsWith('Edge');

let rolesIndex: Map<string, unknown[] | undefined> | undefined;

/** `Type.field` → its `@Authorized` roles, from type-graphql's metadata (after the schema is built). */
function rolesOf(type: string, field: string): unknown[] | undefined {
  if (!rolesIndex) {
    rolesIndex = new Map();
    const storage = getMetadataStorage();
    for (const t of storage.objectTypes)
      for (const f of t.fields ?? []) rolesIndex.set(`${t.name}.${f.name}`, f.roles);
    for (const q of storage.queries) rolesIndex.set(`Query.${q.schemaName}`, q.roles);
    for (const m of storage.mutations) rolesIndex.set(`Mutation.${m.schemaName}`, m.roles);
  }
  return rolesIndex.get(`${type}.${field}`);
}

/** The partner rule of a field, or undefined when it has none (refused, and the schema test fails). */
export function partnerRuleFor(type: string, field: string): PartnerRule | undefined {
  if (STAFF_TYPES.has(type)) return { staffOnly: true };
  if (field === 'id' || field.startsWith('__') || isOpenType(type)) return { scope: null };
  const rules = PARTNER_FIELD_RULES[type];
  const explicit = rules?.[field] ?? rules?.['*'];
  if (explicit === STAFF) return { staffOnly: true };
  if (explicit !== undefined) return { scope: explicit === OPEN ? null : explicit };
  const roles = rolesOf(type, field);
  if (!roles || roles.length === 0) return undefined;
  if (roles.includes('PARTNER')) return { scope: null };
  const scopes = roles.filter((r): r is string => typeof r === 'string' && r.startsWith('scope:'));
  if (scopes.length === 0) return { staffOnly: true };
  // Several scopes on one field mean "any of them"; no field in this schema has two.
  return { scope: scopes[0]!.slice('scope:'.length) };
}

export interface PartnerSelection {
  /** Fields selected that a partner may never read (staff only, or without a rule). */
  refused: string[];
  /** Field → the scope it needs (for the key). */
  needs: Map<string, string>;
  /** Root response key → every scope its subtree needs (for the customer's link). */
  rootScopes: Map<string, string[]>;
}

/**
 * Walk an operation's selections (fragments expanded) and collect what a partner would need.
 * The result depends only on the document, so callers cache it per document.
 */
export function analysePartnerSelection(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): PartnerSelection {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const result: PartnerSelection = { refused: [], needs: new Map(), rootScopes: new Map() };
  const rootType =
    operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!rootType) return result;

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    acc: Set<string>,
    seen: Set<string>,
    root: boolean,
  ) => {
    for (const sel of set.selections) {
      if (sel.kind === 'Field') {
        const name = sel.name.value;
        if (name === '__typename') continue;
        const types = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
        const fieldScopes = root ? new Set<string>() : acc;
        for (const t of types) {
          if (!isObjectType(t)) continue;
          const field = t.getFields()[name];
          if (!field) continue;
          const rule = partnerRuleFor(t.name, name);
          const key = `${t.name}.${name}`;
          if (!rule || 'staffOnly' in rule) {
            // An interface field (Node.id) is fine when some possible type allows it.
            if (!isAbstractType(parent)) result.refused.push(key);
            continue;
          }
          if (rule.scope) {
            result.needs.set(key, rule.scope);
            fieldScopes.add(rule.scope);
          }
          const named = getNamedType(field.type);
          if (sel.selectionSet && isCompositeType(named))
            walk(sel.selectionSet, named, fieldScopes, seen, false);
        }
        if (root) {
          const k = sel.alias?.value ?? name;
          const prev = result.rootScopes.get(k) ?? [];
          result.rootScopes.set(k, [...new Set([...prev, ...fieldScopes])]);
        }
      } else if (sel.kind === 'InlineFragment') {
        const cond = sel.typeCondition
          ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType | undefined)
          : parent;
        if (cond) walk(sel.selectionSet, cond, acc, seen, root);
      } else {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const cond = schema.getType(frag.typeCondition.name.value) as
          GraphQLCompositeType | undefined;
        if (cond) walk(frag.selectionSet, cond, acc, new Set([...seen, frag.name.value]), root);
      }
    }
  };
  walk(operation.selectionSet, rootType, new Set(), new Set(), true);
  return result;
}

/** The FORBIDDEN error a partner gets for a selection its key cannot make. */
export function partnerSelectionError(fields: string[], missingScope?: string): GraphQLError {
  const list = [...new Set(fields)].slice(0, 5).join(', ');
  return new GraphQLError(
    missingScope
      ? `This API key lacks the scope "${missingScope}" needed for ${list}.`
      : `Partner apps cannot read ${list}.`,
    // Refused before execution: no data at all, so a request error (HTTP 403).
    { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } },
  );
}
