import { graphql } from '../../../generated';

export const LimitExplanationQuery = graphql(`
  query LimitExplanation($id: ID!, $locale: Locale!) {
    customer(id: $id) {
      id
      account {
        id
        explanation(locale: $locale) {
          headline
          repaymentHint
          reasons {
            code
            text
          }
          improvements {
            feature
            text
            limitEffect {
              ...MoneyParts
            }
          }
          decision {
            id
            kind
            createdAt
          }
        }
      }
    }
  }
`);

export const LimitHistoryQuery = graphql(`
  query LimitHistory($id: ID!, $first: Int!, $locale: Locale!) {
    customer(id: $id) {
      id
      account {
        id
        decisions(first: $first) {
          totalCount
          edges {
            node {
              id
              kind
              createdAt
              decidedBy
              decidedByName
              statusBefore
              statusAfter
              score
              grade
              baseLimitBefore {
                ...MoneyParts
              }
              baseLimitAfter {
                ...MoneyParts
              }
              reasons(locale: $locale) {
                code
                text
              }
            }
          }
        }
      }
    }
  }
`);
