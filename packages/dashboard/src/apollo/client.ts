import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { print, type DocumentNode } from 'graphql';
import { errorCodeOf } from './errors';
import { expireSession, readSession } from './session';

/**
 * Every payload's own userError type (`<Payload>UserError implements UserError`): the cache must
 * know them to match `...UserErrorParts` (a fragment on the interface). possible-types.test.ts
 * checks this list against the API's schema.
 */
export const USER_ERROR_TYPES = [
  'AddCustomerNoteUserError',
  'AgentUserError',
  'ApplyForCreditUserError',
  'AuthorizePurchaseUserError',
  'CategoryLimitUserError',
  'ChangePasswordUserError',
  'CouponCampaignUserError',
  'CreatePartnerAppUserError',
  'CreatePromotionUserError',
  'CreateWebhookEndpointUserError',
  'CreditAccountUserError',
  'InstallmentPlanUserError',
  'IssueCouponsUserError',
  'LimitDecisionUserError',
  'NoticeUserError',
  'PartnerKeyUserError',
  'PartnerLinkUserError',
  'PayStatementUserError',
  'PromotionUserError',
  'PurchaseUserError',
  'RecordBureauReportUserError',
  'RecoveryRequestUserError',
  'RedeemPointsUserError',
  'RefundPurchaseUserError',
  'RepaymentUserError',
  'RevealCustomerPiiUserError',
  'RevolvingLineUserError',
  'RevolvingOfferUserError',
  'RollbackScoringModelUserError',
  'RunJobUserError',
  'RunStressTestUserError',
  'ScoringModelUserError',
  'SignInUserError',
  'StartPartnerLinkUserError',
  'WaiveFeeUserError',
  'WaiveRevolvingChargeUserError',
  'WebhookDeliveryUserError',
  'WebhookEndpointUserError',
  'WriteOffBalanceUserError',
];

/** Relay connections: one cache entry per node id, lists merged by the field's arguments. */
function cache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: {
      Node: [
        'Customer',
        'CreditAccount',
        'LimitDecision',
        'Notice',
        'InstallmentPlan',
        'Repayment',
        'RecoveryRequest',
        'Purchase',
      ],
      UserError: USER_ERROR_TYPES,
    },
    typePolicies: {
      // Value objects without an id live inside their parent.
      Money: { keyFields: false },
      OverdueState: { keyFields: false },
      LimitExplanation: { keyFields: false },
    },
  });
}

/**
 * The hash codegen gave the operation (its persisted-documents manifest is the server's list of
 * trusted documents), so the dashboard sends the hash alone; a document without one is hashed
 * here and registered by APQ on first use. Apollo Client hands the link codegen's document with
 * its `__meta__`; codegen adds `__typename` itself, so the listed text is what the cache expects
 * (docs/operations-server.md, trusted documents).
 */
export async function documentHash(document: DocumentNode): Promise<string> {
  const meta = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__;
  if (meta?.hash) return meta.hash.replace(/^sha256:/, '');
  const bytes = new TextEncoder().encode(print(document));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function createApolloClient(uri = '/graphql'): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const token = readSession()?.token;
    return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
  });
  // An expired or revoked token signs the agent out; the app shows the sign-in page, and signing
  // in again returns to this page (what was typed is kept in drafts).
  const errors = new ErrorLink(({ error }) => {
    if (errorCodeOf(error) === 'UNAUTHENTICATED' && readSession()) expireSession();
  });
  return new ApolloClient({
    link: ApolloLink.from([
      errors,
      auth,
      new PersistedQueryLink({ generateHash: documentHash }),
      new HttpLink({ uri }),
    ]),
    cache: cache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
