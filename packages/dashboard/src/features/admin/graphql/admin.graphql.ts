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

/** What issuing or rotating a key answers: the new key's value (shown once) and the key. */
export const PartnerKeyPayloadParts = graphql(`
  fragment PartnerKeyPayloadParts on PartnerKeyPayload {
    apiKey
    key {
      ...PartnerKeyParts
    }
    userErrors {
      code
      ...UserErrorParts
    }
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
        code
        ...UserErrorParts
      }
    }
  }
`);

export const IssuePartnerKeyMutation = graphql(`
  mutation IssuePartnerKey($input: IssuePartnerKeyInput!) {
    issuePartnerKey(input: $input) {
      ...PartnerKeyPayloadParts
    }
  }
`);

export const RotatePartnerKeyMutation = graphql(`
  mutation RotatePartnerKey($input: RotatePartnerKeyInput!) {
    rotatePartnerKey(input: $input) {
      ...PartnerKeyPayloadParts
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
        code
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
        code
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
        code
        ...UserErrorParts
      }
    }
  }
`);

export const PromotionParts = graphql(`
  fragment PromotionParts on Promotion {
    id
    name
    status
    startsAt
    endsAt
    eligibleGrades
    category
    percentBp
    grantedAccounts
    amount {
      ...MoneyParts
    }
  }
`);

export const PromotionsQuery = graphql(`
  query Promotions($first: Int!, $after: String, $status: [PromotionStatus!]) {
    promotions(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PromotionParts
        }
      }
    }
  }
`);

export const CancelPromotionMutation = graphql(`
  mutation CancelPromotion($input: CancelPromotionInput!) {
    cancelPromotion(input: $input) {
      promotion {
        ...PromotionParts
      }
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);

export const SetCategoryLimitMutation = graphql(`
  mutation SetCategoryLimit($input: SetCategoryLimitInput!) {
    setCategoryLimit(input: $input) {
      changed
      skipped
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);

export const RemoveCategoryLimitMutation = graphql(`
  mutation RemoveCategoryLimit($input: RemoveCategoryLimitInput!) {
    removeCategoryLimit(input: $input) {
      changed
      skipped
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);

export const JobRunParts = graphql(`
  fragment JobRunParts on JobRun {
    id
    job
    status
    trigger
    attempt
    startedAt
    finishedAt
    durationMs
    processed
    error
  }
`);

export const JobsQuery = graphql(`
  query Jobs($first: Int!, $job: String) {
    jobSchedules {
      job
      nextRunAt
      liveWorkers
      lastRun {
        ...JobRunParts
      }
    }
    jobRuns(first: $first, job: $job) {
      ...JobRunParts
    }
  }
`);

export const RunJobNowMutation = graphql(`
  mutation RunJobNow($job: String!) {
    runJobNow(job: $job) {
      enqueued
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);
