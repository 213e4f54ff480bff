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
          }
        }
      }
    }
  }
`);

export const RecoveryRequestQuery = graphql(`
  query RecoveryRequest($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on RecoveryRequest {
        type
        status
        reason
        createdAt
        autoOutcome
        customer {
          id
          name
          maskedPhone
        }
        reasons {
          code
          text
        }
        transitions {
          fromStatus
          toStatus
          actor
          reason
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

export const FileRecoveryRequestMutation = graphql(`
  mutation FileRecoveryRequest($input: FileRecoveryRequestInput!) {
    fileRecoveryRequest(input: $input) {
      recoveryRequest {
        ...RecoveryRequestSummary
      }
      userErrors {
        ...UserErrorParts
      }
    }
  }
`);
