import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { errorCodeOf } from './errors';
import { expireSession, readSession } from './session';

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
    },
    typePolicies: {
      // Value objects without an id live inside their parent.
      Money: { keyFields: false },
      OverdueState: { keyFields: false },
      LimitExplanation: { keyFields: false },
    },
  });
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
    link: ApolloLink.from([errors, auth, new HttpLink({ uri })]),
    cache: cache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
