import { graphql } from '../../../generated';

export const CustomerSearchQuery = graphql(`
  query CustomerSearch($search: String!, $first: Int!) {
    customers(search: $search, first: $first) {
      totalCount
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
