import { graphql } from '../../../generated';

/** Risk admin pages (issue 15 item 9): partner apps and keys, stress tests, promotions. */

export const PartnerKeyParts = graphql(`
  fragment PartnerKeyParts on PartnerApiKey {
    keyId
    label
    scopes
    status
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export const PartnerAppsQuery = graphql(`
  query PartnerApps {
    partnerApps {
      id
      name
      active
      scopes
      createdAt
      keys {
        ...PartnerKeyParts
      }
    }
  }
`);

export const CreatePartnerAppMutation = graphql(`
  mutation CreatePartnerApp($input: CreatePartnerAppInput!) {
    createPartnerApp(input: $input) {
      apiKey
      partnerApp {
        id
      }
      userErrors {
        ...UserErrorParts
      }
    }
  }
`);

export const IssuePartnerKeyMutation = graphql(`
  mutation IssuePartnerKey($input: IssuePartnerKeyInput!) {
    issuePartnerKey(input: $input) {
      apiKey
      key {
        ...PartnerKeyParts
      }
      userErrors {
        ...UserErrorParts
      }
    }
  }
`);

export const RotatePartnerKeyMutation = graphql(`
  mutation RotatePartnerKey($input: RotatePartnerKeyInput!) {
    rotatePartnerKey(input: $input) {
      apiKey
      key {
        ...PartnerKeyParts
      }
      userErrors {
        ...UserErrorParts
      }
    }
  }
`);

export const RevokePartnerKeyMutation = graphql(`
  mutation RevokePartnerKey($input: RevokePartnerKeyInput!) {
    revokePartnerKey(input: $input) {
      key {
        ...PartnerKeyParts
      }
      userErrors {
        ...UserErrorParts
      }
    }
  }
`);

export const StressCellParts = graphql(`
  fragment StressCellParts on StressCellNode {
    key
    accounts
    limitsCut
    exposure {
      ...MoneyParts
    }
    expectedLoss {
      ...MoneyParts
    }
    stressedExpectedLoss {
      ...MoneyParts
    }
    cut {
      ...MoneyParts
    }
  }
`);

export const StressTestsQuery = graphql(`
  query StressTests($first: Int!) {
    stressTests(first: $first) {
      id
      createdAt
      scenarioKind
      pdMultiplier
      lossGivenDefaultBp
      budgetBreached
      modelVersion
      policyVersion
      total {
        ...StressCellParts
      }
      byGrade {
        ...StressCellParts
      }
      bySegment {
        ...StressCellParts
      }
    }
  }
`);

export const RunStressTestMutation = graphql(`
  mutation RunStressTest($input: RunStressTestInput!) {
    runStressTest(input: $input) {
      stressTest {
        id
      }
      userErrors {
        ...UserErrorParts
      }
    }
  }
`);

export const CreatePromotionMutation = graphql(`
  mutation CreatePromotion($input: CreatePromotionInput!) {
    createPromotion(input: $input) {
      promotion {
        id
        name
        startsAt
        endsAt
        grantedAccounts
      }
      userErrors {
        ...UserErrorParts
      }
    }
  }
`);
