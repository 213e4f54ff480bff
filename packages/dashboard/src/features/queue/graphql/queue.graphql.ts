import { graphql } from '../../../generated';

export const RecoveryQueueQuery = graphql(`
  query RecoveryQueue(
    $first: Int!
    $after: String
    $type: RecoveryType
    $assignment: QueueAssignment!
    $locale: Locale!
  ) {
    recoveryQueue(first: $first, after: $after, type: $type, assignment: $assignment) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...RecoveryRequestAmounts
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
          reasons
          createdAt
          amount {
            ...MoneyParts
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

/** What deciding a recovery request answers: its new status, or why not. */
export const RecoveryDecisionParts = graphql(`
  fragment RecoveryDecisionParts on RecoveryRequestPayload {
    recoveryRequest {
      id
      status
    }
    userErrors {
      code
      ...UserErrorParts
    }
  }
`);

/** What deciding a purchase answers: its new status (and decline code), or why not. */
export const PurchaseDecisionParts = graphql(`
  fragment PurchaseDecisionParts on PurchasePayload {
    purchase {
      id
      status
      declineCode
    }
    userErrors {
      code
      ...UserErrorParts
    }
  }
`);

export const ApproveRecoveryRequestMutation = graphql(`
  mutation ApproveRecoveryRequest($input: DecideRecoveryRequestInput!) {
    approveRecoveryRequest(input: $input) {
      ...RecoveryDecisionParts
    }
  }
`);

export const RejectRecoveryRequestMutation = graphql(`
  mutation RejectRecoveryRequest($input: DecideRecoveryRequestInput!) {
    rejectRecoveryRequest(input: $input) {
      ...RecoveryDecisionParts
    }
  }
`);

export const ApprovePurchaseMutation = graphql(`
  mutation ApprovePurchase($input: DecidePurchaseInput!) {
    approvePurchase(input: $input) {
      ...PurchaseDecisionParts
    }
  }
`);

export const RejectPurchaseMutation = graphql(`
  mutation RejectPurchase($input: DecidePurchaseInput!) {
    rejectPurchase(input: $input) {
      ...PurchaseDecisionParts
    }
  }
`);

export const TakeRecoveryRequestMutation = graphql(`
  mutation TakeRecoveryRequest($input: TakeRecoveryRequestInput!) {
    takeRecoveryRequest(input: $input) {
      recoveryRequest {
        id
        assignedTo
        assignedToMe
      }
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);
