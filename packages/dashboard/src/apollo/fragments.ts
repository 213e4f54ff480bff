import { graphql } from '../generated';

/**
 * Selections every feature repeats, named once. Operations spread them by name (`...MoneyParts`);
 * codegen adds the definitions to each operation's document (fragment masking is off, so the
 * fields arrive as if written in place).
 */
export const MoneyParts = graphql(`
  fragment MoneyParts on Money {
    amount
    currency
  }
`);

export const UserErrorParts = graphql(`
  fragment UserErrorParts on UserError {
    code
    field
    message
  }
`);

export const RecoveryRequestSummary = graphql(`
  fragment RecoveryRequestSummary on RecoveryRequest {
    id
    type
    status
    reason
    createdAt
  }
`);
