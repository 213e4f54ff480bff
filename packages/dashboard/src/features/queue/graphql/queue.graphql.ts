import { graphql } from '../../../generated';

export const RecoveryQueueQuery = graphql(`
  query RecoveryQueue($first: Int!, $after: String) {
    recoveryQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
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
        }
      }
    }
  }
`);

export const PurchaseReviewQueueQuery = graphql(`
  query PurchaseReviewQueue($first: Int!, $after: String) {
    purchaseReviewQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          category
          merchant
          status
          createdAt
          amount {
            amount
            currency
          }
          customer {
            id
            name
          }
        }
      }
    }
  }
`);

export const ApproveRecoveryRequestMutation = graphql(`
  mutation ApproveRecoveryRequest($input: DecideRecoveryRequestInput!) {
    approveRecoveryRequest(input: $input) {
      recoveryRequest {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RejectRecoveryRequestMutation = graphql(`
  mutation RejectRecoveryRequest($input: DecideRecoveryRequestInput!) {
    rejectRecoveryRequest(input: $input) {
      recoveryRequest {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
