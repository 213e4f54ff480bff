import { graphql } from '../../../generated';

export const CustomerTimelineQuery = graphql(`
  query CustomerTimeline(
    $id: ID!
    $first: Int!
    $after: String
    $locale: Locale!
    $kinds: [TimelineKind!]
  ) {
    customer(id: $id) {
      id
      timeline(first: $first, after: $after, locale: $locale, kinds: $kinds) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            kind
            at
            title
            merchant
            text
            amount {
              ...MoneyParts
            }
            actorName
            tags
            ticketRef
            decisionId
            recoveryRequestId
          }
        }
      }
    }
  }
`);

export const AddCustomerNoteMutation = graphql(`
  mutation AddCustomerNote($input: AddCustomerNoteInput!) {
    addCustomerNote(input: $input) {
      note {
        id
      }
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);

export const DecisionExplanationQuery = graphql(`
  query DecisionExplanation($id: ID!, $locale: Locale!) {
    node(id: $id) {
      __typename
      id
      ... on LimitDecision {
        explanation(locale: $locale) {
          headline
          reasons {
            code
            text
          }
        }
      }
    }
  }
`);
