import { graphql } from '../../../generated';

export const CustomerRecoveryRequestsQuery = graphql(`
  query CustomerRecoveryRequests($id: ID!, $first: Int!) {
    customer(id: $id) {
      id
      recoveryRequests(first: $first) {
        totalCount
        edges {
          node {
            ...RecoveryRequestSummary
            requestedLimit {
              ...MoneyParts
            }
            targetLimit {
              ...MoneyParts
            }
          }
        }
      }
    }
  }
`);

export const RecoveryRequestQuery = graphql(`
  query RecoveryRequest($id: ID!, $locale: Locale!) {
    node(id: $id) {
      __typename
      id
      ... on RecoveryRequest {
        ...RecoveryRequestAmounts
        transitions {
          fromStatus
          toStatus
          actorType
          actorName
          reasonText(locale: $locale)
          createdAt
        }
        documents {
          kind
          fileName
          contentType
          sizeBytes
        }
      }
    }
  }
`);

export const RecoveryOptionsQuery = graphql(`
  query RecoveryOptions($id: ID!) {
    customer(id: $id) {
      id
      account {
        id
        status
        baseLimit {
          ...MoneyParts
        }
        recoveryTypesOffered
      }
    }
  }
`);

export const FileRecoveryRequestMutation = graphql(`
  mutation FileRecoveryRequest($input: FileRecoveryRequestInput!) {
    fileRecoveryRequest(input: $input) {
      recoveryRequest {
        ...RecoveryRequestSummary
      }
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);
