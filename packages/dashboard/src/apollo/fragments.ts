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

/**
 * What every payload's userError has. `code` is an enum of each payload's own
 * (`AuthorizePurchaseErrorCode`, …), so operations select it beside the fragment.
 */
export const UserErrorParts = graphql(`
  fragment UserErrorParts on UserError {
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

/** A recovery request with its amounts, staged plan and the automatic review (operations declare `$locale: Locale!`). */
export const RecoveryRequestAmounts = graphql(`
  fragment RecoveryRequestAmounts on RecoveryRequest {
    id
    type
    status
    reason
    createdAt
    autoOutcome
    accountStatus
    dueAt
    assignedTo
    assignedToMe
    currentLimit {
      ...MoneyParts
    }
    requestedLimit {
      ...MoneyParts
    }
    targetLimit {
      ...MoneyParts
    }
    plan {
      seq
      amount {
        ...MoneyParts
      }
      onTimeRepaymentsRequired
      status
      appliedAt
    }
    reasons(locale: $locale) {
      code
      text
    }
    customer {
      id
      name
      maskedPhone
    }
  }
`);
