import { graphql } from '../../../generated';

/** The page header: only what the API has had from the start, so the page opens fast. */
export const CustomerHeaderQuery = graphql(`
  query CustomerHeader($id: ID!) {
    customer(id: $id) {
      id
      name
      maskedPhone
      maskedNationalId
      realNameVerified
      incomeBand
      registeredAt
      account {
        id
        accountNumber
        status
        baseLimit {
          ...MoneyParts
        }
        usedAmount {
          ...MoneyParts
        }
      }
    }
  }
`);

export const AccountOverviewQuery = graphql(`
  query AccountOverview($id: ID!) {
    customer(id: $id) {
      id
      account {
        id
        status
        score
        grade
        baseLimit {
          ...MoneyParts
        }
        usedAmount {
          ...MoneyParts
        }
        heldAmount {
          ...MoneyParts
        }
        outstandingPrincipal {
          ...MoneyParts
        }
        availableLimit {
          ...MoneyParts
        }
        temporaryLimits {
          amount {
            ...MoneyParts
          }
          category
          startsAt
          endsAt
        }
        categoryLimits {
          category
          limit {
            ...MoneyParts
          }
          used {
            ...MoneyParts
          }
        }
      }
    }
  }
`);

export const RevealCustomerPiiMutation = graphql(`
  mutation RevealCustomerPii($input: RevealCustomerPiiInput!) {
    revealCustomerPii(input: $input) {
      phone
      nationalId
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);

export const InstallmentPlansQuery = graphql(`
  query InstallmentPlans($id: ID!, $first: Int!) {
    customer(id: $id) {
      id
      account {
        id
        installmentPlans(first: $first) {
          totalCount
          edges {
            node {
              id
              term
              status
              aprPercent
              createdAt
              principal {
                ...MoneyParts
              }
              totalFee {
                ...MoneyParts
              }
              schedule {
                seq
                dueDate
                status
                daysPastDue
                principal {
                  ...MoneyParts
                }
                fee {
                  ...MoneyParts
                }
                lateFee {
                  ...MoneyParts
                }
                paid {
                  ...MoneyParts
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const RepaymentsQuery = graphql(`
  query Repayments($id: ID!, $first: Int!) {
    customer(id: $id) {
      id
      account {
        id
        overdue {
          isOverdue
          daysPastDue
          bucket
          overdueAmount {
            ...MoneyParts
          }
        }
        repayments(first: $first) {
          totalCount
          edges {
            node {
              id
              receivedAt
              amount {
                ...MoneyParts
              }
            }
          }
        }
      }
    }
  }
`);

export const NoticesQuery = graphql(`
  query Notices($id: ID!, $first: Int!, $locale: Locale!) {
    customer(id: $id) {
      id
      account {
        id
        notices(first: $first) {
          totalCount
          edges {
            node {
              id
              kind
              channel
              words(locale: $locale) {
                title
                happened
                meaning
                action
              }
              deliveryStatus
              deliveryError
              createdAt
              sentAt
              readAt
              acknowledgedAt
            }
          }
        }
      }
    }
  }
`);

export const AuditTrailQuery = graphql(`
  query AuditTrail($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      auditTrail(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            action
            actor
            createdAt
            details
          }
        }
      }
    }
  }
`);

/** What the used amount is made of: held for purchases not yet captured, and owed on plans. */
export const PurchasesQuery = graphql(`
  query Purchases($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      account {
        id
        usedAmount {
          ...MoneyParts
        }
        heldAmount {
          ...MoneyParts
        }
        outstandingPrincipal {
          ...MoneyParts
        }
        purchases(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              id
              createdAt
              merchant
              category
              status
              declineCode
              holdExpiresAt
              amount {
                ...MoneyParts
              }
            }
          }
        }
      }
    }
  }
`);
