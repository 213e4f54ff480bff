import { graphql } from '../../../generated';

export const LimitExplanationQuery = graphql(`
  query LimitExplanation($id: ID!, $locale: Locale!) {
    customer(id: $id) {
      id
      account {
        id
        explanation(locale: $locale) {
          headline
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
  query LimitHistory($id: ID!, $first: Int!) {
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
              note
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
              reasons {
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
