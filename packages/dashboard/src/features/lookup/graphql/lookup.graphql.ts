import { graphql } from '../../../generated';

export const CustomerSearchQuery = graphql(`
  query CustomerSearch($search: String!, $first: Int!, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          maskedPhone
          maskedNationalId
          account {
            id
            accountNumber
            status
          }
        }
      }
    }
  }
`);
