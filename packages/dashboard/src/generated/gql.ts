/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment MoneyParts on Money {\n    amount\n    currency\n  }\n': typeof types.MoneyPartsFragmentDoc;
  '\n  fragment UserErrorParts on UserError {\n    code\n    field\n    message\n  }\n': typeof types.UserErrorPartsFragmentDoc;
  '\n  fragment RecoveryRequestSummary on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n  }\n': typeof types.RecoveryRequestSummaryFragmentDoc;
  '\n  fragment RecoveryRequestAmounts on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n    autoOutcome\n    accountStatus\n    dueAt\n    assignedTo\n    assignedToMe\n    currentLimit {\n      ...MoneyParts\n    }\n    requestedLimit {\n      ...MoneyParts\n    }\n    targetLimit {\n      ...MoneyParts\n    }\n    plan {\n      seq\n      amount {\n        ...MoneyParts\n      }\n      onTimeRepaymentsRequired\n      status\n      appliedAt\n    }\n    reasons(locale: $locale) {\n      code\n      text\n    }\n    customer {\n      id\n      name\n      maskedPhone\n    }\n  }\n': typeof types.RecoveryRequestAmountsFragmentDoc;
  '\n  fragment PartnerKeyParts on PartnerApiKey {\n    keyId\n    label\n    scopes\n    status\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n': typeof types.PartnerKeyPartsFragmentDoc;
  '\n  query PartnerApps {\n    partnerApps {\n      id\n      name\n      active\n      scopes\n      createdAt\n      keys {\n        ...PartnerKeyParts\n      }\n    }\n  }\n': typeof types.PartnerAppsDocument;
  '\n  mutation CreatePartnerApp($input: CreatePartnerAppInput!) {\n    createPartnerApp(input: $input) {\n      apiKey\n      partnerApp {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.CreatePartnerAppDocument;
  '\n  mutation IssuePartnerKey($input: IssuePartnerKeyInput!) {\n    issuePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.IssuePartnerKeyDocument;
  '\n  mutation RotatePartnerKey($input: RotatePartnerKeyInput!) {\n    rotatePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.RotatePartnerKeyDocument;
  '\n  mutation RevokePartnerKey($input: RevokePartnerKeyInput!) {\n    revokePartnerKey(input: $input) {\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.RevokePartnerKeyDocument;
  '\n  fragment StressCellParts on StressCellNode {\n    key\n    accounts\n    limitsCut\n    exposure {\n      ...MoneyParts\n    }\n    expectedLoss {\n      ...MoneyParts\n    }\n    stressedExpectedLoss {\n      ...MoneyParts\n    }\n    cut {\n      ...MoneyParts\n    }\n  }\n': typeof types.StressCellPartsFragmentDoc;
  '\n  query StressTests($first: Int!) {\n    stressTests(first: $first) {\n      id\n      createdAt\n      scenarioKind\n      pdMultiplier\n      lossGivenDefaultBp\n      budgetBreached\n      modelVersion\n      policyVersion\n      total {\n        ...StressCellParts\n      }\n      byGrade {\n        ...StressCellParts\n      }\n      bySegment {\n        ...StressCellParts\n      }\n    }\n  }\n': typeof types.StressTestsDocument;
  '\n  mutation RunStressTest($input: RunStressTestInput!) {\n    runStressTest(input: $input) {\n      stressTest {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.RunStressTestDocument;
  '\n  mutation CreatePromotion($input: CreatePromotionInput!) {\n    createPromotion(input: $input) {\n      promotion {\n        id\n        name\n        startsAt\n        endsAt\n        grantedAccounts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.CreatePromotionDocument;
  '\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      agent {\n        id\n        username\n        displayName\n        role\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.SignInDocument;
  '\n  query DemoLogins {\n    demoLogins {\n      username\n      password\n      role\n    }\n  }\n': typeof types.DemoLoginsDocument;
  '\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n': typeof types.MeDocument;
  '\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n': typeof types.SignOutDocument;
  '\n  query CustomerHeader($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      maskedPhone\n      maskedNationalId\n      realNameVerified\n      incomeBand\n      registeredAt\n      account {\n        id\n        accountNumber\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n      }\n    }\n  }\n': typeof types.CustomerHeaderDocument;
  '\n  query AccountOverview($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        score\n        grade\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        availableLimit {\n          ...MoneyParts\n        }\n        temporaryLimits {\n          amount {\n            ...MoneyParts\n          }\n          category\n          startsAt\n          endsAt\n        }\n        categoryLimits {\n          category\n          limit {\n            ...MoneyParts\n          }\n          used {\n            ...MoneyParts\n          }\n        }\n      }\n    }\n  }\n': typeof types.AccountOverviewDocument;
  '\n  mutation RevealCustomerPii($input: RevealCustomerPiiInput!) {\n    revealCustomerPii(input: $input) {\n      phone\n      nationalId\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.RevealCustomerPiiDocument;
  '\n  query InstallmentPlans($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        installmentPlans(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              term\n              status\n              aprPercent\n              createdAt\n              principal {\n                ...MoneyParts\n              }\n              totalFee {\n                ...MoneyParts\n              }\n              schedule {\n                seq\n                dueDate\n                status\n                daysPastDue\n                principal {\n                  ...MoneyParts\n                }\n                fee {\n                  ...MoneyParts\n                }\n                lateFee {\n                  ...MoneyParts\n                }\n                paid {\n                  ...MoneyParts\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.InstallmentPlansDocument;
  '\n  query Repayments($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        overdue {\n          isOverdue\n          daysPastDue\n          bucket\n          overdueAmount {\n            ...MoneyParts\n          }\n        }\n        repayments(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              receivedAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.RepaymentsDocument;
  '\n  query Notices($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        notices(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              channel\n              message\n              createdAt\n              sentAt\n              readAt\n              acknowledgedAt\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.NoticesDocument;
  '\n  query AuditTrail($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            action\n            actor\n            createdAt\n            details\n          }\n        }\n      }\n    }\n  }\n': typeof types.AuditTrailDocument;
  '\n  query Purchases($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        purchases(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              id\n              createdAt\n              merchant\n              category\n              status\n              declineCode\n              holdExpiresAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.PurchasesDocument;
  '\n  query CustomerTimeline(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $locale: Locale!\n    $kinds: [TimelineKind!]\n  ) {\n    customer(id: $id) {\n      id\n      timeline(first: $first, after: $after, locale: $locale, kinds: $kinds) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            title\n            text\n            amount {\n              ...MoneyParts\n            }\n            actorName\n            tags\n            ticketRef\n            decisionId\n            recoveryRequestId\n          }\n        }\n      }\n    }\n  }\n': typeof types.CustomerTimelineDocument;
  '\n  mutation AddCustomerNote($input: AddCustomerNoteInput!) {\n    addCustomerNote(input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.AddCustomerNoteDocument;
  '\n  query DecisionExplanation($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on LimitDecision {\n        explanation(locale: $locale) {\n          headline\n          reasons {\n            code\n            text\n          }\n        }\n      }\n    }\n  }\n': typeof types.DecisionExplanationDocument;
  '\n  query LimitExplanation($id: ID!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        explanation(locale: $locale) {\n          headline\n          repaymentHint\n          reasons {\n            code\n            text\n          }\n          improvements {\n            feature\n            text\n            limitEffect {\n              ...MoneyParts\n            }\n          }\n          decision {\n            id\n            kind\n            createdAt\n          }\n        }\n      }\n    }\n  }\n': typeof types.LimitExplanationDocument;
  '\n  query LimitHistory($id: ID!, $first: Int!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        decisions(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              createdAt\n              decidedBy\n              decidedByName\n              statusBefore\n              statusAfter\n              score\n              grade\n              baseLimitBefore {\n                ...MoneyParts\n              }\n              baseLimitAfter {\n                ...MoneyParts\n              }\n              reasons(locale: $locale) {\n                code\n                text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.LimitHistoryDocument;
  '\n  query CustomerSearch($search: String!, $first: Int!, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          maskedPhone\n          maskedNationalId\n          account {\n            id\n            accountNumber\n            status\n          }\n        }\n      }\n    }\n  }\n': typeof types.CustomerSearchDocument;
  '\n  query RecoveryQueue(\n    $first: Int!\n    $after: String\n    $type: RecoveryType\n    $assignment: QueueAssignment!\n    $locale: Locale!\n  ) {\n    recoveryQueue(first: $first, after: $after, type: $type, assignment: $assignment) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...RecoveryRequestAmounts\n        }\n      }\n    }\n  }\n': typeof types.RecoveryQueueDocument;
  '\n  query PurchaseReviewQueue($first: Int!, $after: String) {\n    purchaseReviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          category\n          merchant\n          status\n          reasons\n          createdAt\n          amount {\n            ...MoneyParts\n          }\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.PurchaseReviewQueueDocument;
  '\n  mutation ApproveRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    approveRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.ApproveRecoveryRequestDocument;
  '\n  mutation RejectRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    rejectRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.RejectRecoveryRequestDocument;
  '\n  mutation ApprovePurchase($input: DecidePurchaseInput!) {\n    approvePurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.ApprovePurchaseDocument;
  '\n  mutation RejectPurchase($input: DecidePurchaseInput!) {\n    rejectPurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.RejectPurchaseDocument;
  '\n  mutation TakeRecoveryRequest($input: TakeRecoveryRequestInput!) {\n    takeRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        assignedTo\n        assignedToMe\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.TakeRecoveryRequestDocument;
  '\n  query CustomerRecoveryRequests($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      recoveryRequests(first: $first) {\n        totalCount\n        edges {\n          node {\n            ...RecoveryRequestSummary\n            requestedLimit {\n              ...MoneyParts\n            }\n            targetLimit {\n              ...MoneyParts\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.CustomerRecoveryRequestsDocument;
  '\n  query RecoveryRequest($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on RecoveryRequest {\n        ...RecoveryRequestAmounts\n        transitions {\n          fromStatus\n          toStatus\n          actorType\n          actorName\n          reasonText(locale: $locale)\n          createdAt\n        }\n        documents {\n          kind\n          fileName\n          contentType\n          sizeBytes\n        }\n      }\n    }\n  }\n': typeof types.RecoveryRequestDocument;
  '\n  query RecoveryOptions($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        recoveryTypesOffered\n      }\n    }\n  }\n': typeof types.RecoveryOptionsDocument;
  '\n  mutation FileRecoveryRequest($input: FileRecoveryRequestInput!) {\n    fileRecoveryRequest(input: $input) {\n      recoveryRequest {\n        ...RecoveryRequestSummary\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n': typeof types.FileRecoveryRequestDocument;
};
const documents: Documents = {
  '\n  fragment MoneyParts on Money {\n    amount\n    currency\n  }\n':
    types.MoneyPartsFragmentDoc,
  '\n  fragment UserErrorParts on UserError {\n    code\n    field\n    message\n  }\n':
    types.UserErrorPartsFragmentDoc,
  '\n  fragment RecoveryRequestSummary on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n  }\n':
    types.RecoveryRequestSummaryFragmentDoc,
  '\n  fragment RecoveryRequestAmounts on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n    autoOutcome\n    accountStatus\n    dueAt\n    assignedTo\n    assignedToMe\n    currentLimit {\n      ...MoneyParts\n    }\n    requestedLimit {\n      ...MoneyParts\n    }\n    targetLimit {\n      ...MoneyParts\n    }\n    plan {\n      seq\n      amount {\n        ...MoneyParts\n      }\n      onTimeRepaymentsRequired\n      status\n      appliedAt\n    }\n    reasons(locale: $locale) {\n      code\n      text\n    }\n    customer {\n      id\n      name\n      maskedPhone\n    }\n  }\n':
    types.RecoveryRequestAmountsFragmentDoc,
  '\n  fragment PartnerKeyParts on PartnerApiKey {\n    keyId\n    label\n    scopes\n    status\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n':
    types.PartnerKeyPartsFragmentDoc,
  '\n  query PartnerApps {\n    partnerApps {\n      id\n      name\n      active\n      scopes\n      createdAt\n      keys {\n        ...PartnerKeyParts\n      }\n    }\n  }\n':
    types.PartnerAppsDocument,
  '\n  mutation CreatePartnerApp($input: CreatePartnerAppInput!) {\n    createPartnerApp(input: $input) {\n      apiKey\n      partnerApp {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.CreatePartnerAppDocument,
  '\n  mutation IssuePartnerKey($input: IssuePartnerKeyInput!) {\n    issuePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.IssuePartnerKeyDocument,
  '\n  mutation RotatePartnerKey($input: RotatePartnerKeyInput!) {\n    rotatePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.RotatePartnerKeyDocument,
  '\n  mutation RevokePartnerKey($input: RevokePartnerKeyInput!) {\n    revokePartnerKey(input: $input) {\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.RevokePartnerKeyDocument,
  '\n  fragment StressCellParts on StressCellNode {\n    key\n    accounts\n    limitsCut\n    exposure {\n      ...MoneyParts\n    }\n    expectedLoss {\n      ...MoneyParts\n    }\n    stressedExpectedLoss {\n      ...MoneyParts\n    }\n    cut {\n      ...MoneyParts\n    }\n  }\n':
    types.StressCellPartsFragmentDoc,
  '\n  query StressTests($first: Int!) {\n    stressTests(first: $first) {\n      id\n      createdAt\n      scenarioKind\n      pdMultiplier\n      lossGivenDefaultBp\n      budgetBreached\n      modelVersion\n      policyVersion\n      total {\n        ...StressCellParts\n      }\n      byGrade {\n        ...StressCellParts\n      }\n      bySegment {\n        ...StressCellParts\n      }\n    }\n  }\n':
    types.StressTestsDocument,
  '\n  mutation RunStressTest($input: RunStressTestInput!) {\n    runStressTest(input: $input) {\n      stressTest {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.RunStressTestDocument,
  '\n  mutation CreatePromotion($input: CreatePromotionInput!) {\n    createPromotion(input: $input) {\n      promotion {\n        id\n        name\n        startsAt\n        endsAt\n        grantedAccounts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.CreatePromotionDocument,
  '\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      agent {\n        id\n        username\n        displayName\n        role\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.SignInDocument,
  '\n  query DemoLogins {\n    demoLogins {\n      username\n      password\n      role\n    }\n  }\n':
    types.DemoLoginsDocument,
  '\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n':
    types.MeDocument,
  '\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n': types.SignOutDocument,
  '\n  query CustomerHeader($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      maskedPhone\n      maskedNationalId\n      realNameVerified\n      incomeBand\n      registeredAt\n      account {\n        id\n        accountNumber\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n      }\n    }\n  }\n':
    types.CustomerHeaderDocument,
  '\n  query AccountOverview($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        score\n        grade\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        availableLimit {\n          ...MoneyParts\n        }\n        temporaryLimits {\n          amount {\n            ...MoneyParts\n          }\n          category\n          startsAt\n          endsAt\n        }\n        categoryLimits {\n          category\n          limit {\n            ...MoneyParts\n          }\n          used {\n            ...MoneyParts\n          }\n        }\n      }\n    }\n  }\n':
    types.AccountOverviewDocument,
  '\n  mutation RevealCustomerPii($input: RevealCustomerPiiInput!) {\n    revealCustomerPii(input: $input) {\n      phone\n      nationalId\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.RevealCustomerPiiDocument,
  '\n  query InstallmentPlans($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        installmentPlans(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              term\n              status\n              aprPercent\n              createdAt\n              principal {\n                ...MoneyParts\n              }\n              totalFee {\n                ...MoneyParts\n              }\n              schedule {\n                seq\n                dueDate\n                status\n                daysPastDue\n                principal {\n                  ...MoneyParts\n                }\n                fee {\n                  ...MoneyParts\n                }\n                lateFee {\n                  ...MoneyParts\n                }\n                paid {\n                  ...MoneyParts\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.InstallmentPlansDocument,
  '\n  query Repayments($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        overdue {\n          isOverdue\n          daysPastDue\n          bucket\n          overdueAmount {\n            ...MoneyParts\n          }\n        }\n        repayments(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              receivedAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.RepaymentsDocument,
  '\n  query Notices($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        notices(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              channel\n              message\n              createdAt\n              sentAt\n              readAt\n              acknowledgedAt\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.NoticesDocument,
  '\n  query AuditTrail($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            action\n            actor\n            createdAt\n            details\n          }\n        }\n      }\n    }\n  }\n':
    types.AuditTrailDocument,
  '\n  query Purchases($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        purchases(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              id\n              createdAt\n              merchant\n              category\n              status\n              declineCode\n              holdExpiresAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.PurchasesDocument,
  '\n  query CustomerTimeline(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $locale: Locale!\n    $kinds: [TimelineKind!]\n  ) {\n    customer(id: $id) {\n      id\n      timeline(first: $first, after: $after, locale: $locale, kinds: $kinds) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            title\n            text\n            amount {\n              ...MoneyParts\n            }\n            actorName\n            tags\n            ticketRef\n            decisionId\n            recoveryRequestId\n          }\n        }\n      }\n    }\n  }\n':
    types.CustomerTimelineDocument,
  '\n  mutation AddCustomerNote($input: AddCustomerNoteInput!) {\n    addCustomerNote(input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.AddCustomerNoteDocument,
  '\n  query DecisionExplanation($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on LimitDecision {\n        explanation(locale: $locale) {\n          headline\n          reasons {\n            code\n            text\n          }\n        }\n      }\n    }\n  }\n':
    types.DecisionExplanationDocument,
  '\n  query LimitExplanation($id: ID!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        explanation(locale: $locale) {\n          headline\n          repaymentHint\n          reasons {\n            code\n            text\n          }\n          improvements {\n            feature\n            text\n            limitEffect {\n              ...MoneyParts\n            }\n          }\n          decision {\n            id\n            kind\n            createdAt\n          }\n        }\n      }\n    }\n  }\n':
    types.LimitExplanationDocument,
  '\n  query LimitHistory($id: ID!, $first: Int!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        decisions(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              createdAt\n              decidedBy\n              decidedByName\n              statusBefore\n              statusAfter\n              score\n              grade\n              baseLimitBefore {\n                ...MoneyParts\n              }\n              baseLimitAfter {\n                ...MoneyParts\n              }\n              reasons(locale: $locale) {\n                code\n                text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.LimitHistoryDocument,
  '\n  query CustomerSearch($search: String!, $first: Int!, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          maskedPhone\n          maskedNationalId\n          account {\n            id\n            accountNumber\n            status\n          }\n        }\n      }\n    }\n  }\n':
    types.CustomerSearchDocument,
  '\n  query RecoveryQueue(\n    $first: Int!\n    $after: String\n    $type: RecoveryType\n    $assignment: QueueAssignment!\n    $locale: Locale!\n  ) {\n    recoveryQueue(first: $first, after: $after, type: $type, assignment: $assignment) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...RecoveryRequestAmounts\n        }\n      }\n    }\n  }\n':
    types.RecoveryQueueDocument,
  '\n  query PurchaseReviewQueue($first: Int!, $after: String) {\n    purchaseReviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          category\n          merchant\n          status\n          reasons\n          createdAt\n          amount {\n            ...MoneyParts\n          }\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.PurchaseReviewQueueDocument,
  '\n  mutation ApproveRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    approveRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.ApproveRecoveryRequestDocument,
  '\n  mutation RejectRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    rejectRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.RejectRecoveryRequestDocument,
  '\n  mutation ApprovePurchase($input: DecidePurchaseInput!) {\n    approvePurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.ApprovePurchaseDocument,
  '\n  mutation RejectPurchase($input: DecidePurchaseInput!) {\n    rejectPurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.RejectPurchaseDocument,
  '\n  mutation TakeRecoveryRequest($input: TakeRecoveryRequestInput!) {\n    takeRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        assignedTo\n        assignedToMe\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.TakeRecoveryRequestDocument,
  '\n  query CustomerRecoveryRequests($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      recoveryRequests(first: $first) {\n        totalCount\n        edges {\n          node {\n            ...RecoveryRequestSummary\n            requestedLimit {\n              ...MoneyParts\n            }\n            targetLimit {\n              ...MoneyParts\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.CustomerRecoveryRequestsDocument,
  '\n  query RecoveryRequest($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on RecoveryRequest {\n        ...RecoveryRequestAmounts\n        transitions {\n          fromStatus\n          toStatus\n          actorType\n          actorName\n          reasonText(locale: $locale)\n          createdAt\n        }\n        documents {\n          kind\n          fileName\n          contentType\n          sizeBytes\n        }\n      }\n    }\n  }\n':
    types.RecoveryRequestDocument,
  '\n  query RecoveryOptions($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        recoveryTypesOffered\n      }\n    }\n  }\n':
    types.RecoveryOptionsDocument,
  '\n  mutation FileRecoveryRequest($input: FileRecoveryRequestInput!) {\n    fileRecoveryRequest(input: $input) {\n      recoveryRequest {\n        ...RecoveryRequestSummary\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n':
    types.FileRecoveryRequestDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment MoneyParts on Money {\n    amount\n    currency\n  }\n',
): (typeof documents)['\n  fragment MoneyParts on Money {\n    amount\n    currency\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment UserErrorParts on UserError {\n    code\n    field\n    message\n  }\n',
): (typeof documents)['\n  fragment UserErrorParts on UserError {\n    code\n    field\n    message\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment RecoveryRequestSummary on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n  }\n',
): (typeof documents)['\n  fragment RecoveryRequestSummary on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment RecoveryRequestAmounts on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n    autoOutcome\n    accountStatus\n    dueAt\n    assignedTo\n    assignedToMe\n    currentLimit {\n      ...MoneyParts\n    }\n    requestedLimit {\n      ...MoneyParts\n    }\n    targetLimit {\n      ...MoneyParts\n    }\n    plan {\n      seq\n      amount {\n        ...MoneyParts\n      }\n      onTimeRepaymentsRequired\n      status\n      appliedAt\n    }\n    reasons(locale: $locale) {\n      code\n      text\n    }\n    customer {\n      id\n      name\n      maskedPhone\n    }\n  }\n',
): (typeof documents)['\n  fragment RecoveryRequestAmounts on RecoveryRequest {\n    id\n    type\n    status\n    reason\n    createdAt\n    autoOutcome\n    accountStatus\n    dueAt\n    assignedTo\n    assignedToMe\n    currentLimit {\n      ...MoneyParts\n    }\n    requestedLimit {\n      ...MoneyParts\n    }\n    targetLimit {\n      ...MoneyParts\n    }\n    plan {\n      seq\n      amount {\n        ...MoneyParts\n      }\n      onTimeRepaymentsRequired\n      status\n      appliedAt\n    }\n    reasons(locale: $locale) {\n      code\n      text\n    }\n    customer {\n      id\n      name\n      maskedPhone\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment PartnerKeyParts on PartnerApiKey {\n    keyId\n    label\n    scopes\n    status\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n',
): (typeof documents)['\n  fragment PartnerKeyParts on PartnerApiKey {\n    keyId\n    label\n    scopes\n    status\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PartnerApps {\n    partnerApps {\n      id\n      name\n      active\n      scopes\n      createdAt\n      keys {\n        ...PartnerKeyParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PartnerApps {\n    partnerApps {\n      id\n      name\n      active\n      scopes\n      createdAt\n      keys {\n        ...PartnerKeyParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreatePartnerApp($input: CreatePartnerAppInput!) {\n    createPartnerApp(input: $input) {\n      apiKey\n      partnerApp {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreatePartnerApp($input: CreatePartnerAppInput!) {\n    createPartnerApp(input: $input) {\n      apiKey\n      partnerApp {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation IssuePartnerKey($input: IssuePartnerKeyInput!) {\n    issuePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation IssuePartnerKey($input: IssuePartnerKeyInput!) {\n    issuePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RotatePartnerKey($input: RotatePartnerKeyInput!) {\n    rotatePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RotatePartnerKey($input: RotatePartnerKeyInput!) {\n    rotatePartnerKey(input: $input) {\n      apiKey\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokePartnerKey($input: RevokePartnerKeyInput!) {\n    revokePartnerKey(input: $input) {\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokePartnerKey($input: RevokePartnerKeyInput!) {\n    revokePartnerKey(input: $input) {\n      key {\n        ...PartnerKeyParts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment StressCellParts on StressCellNode {\n    key\n    accounts\n    limitsCut\n    exposure {\n      ...MoneyParts\n    }\n    expectedLoss {\n      ...MoneyParts\n    }\n    stressedExpectedLoss {\n      ...MoneyParts\n    }\n    cut {\n      ...MoneyParts\n    }\n  }\n',
): (typeof documents)['\n  fragment StressCellParts on StressCellNode {\n    key\n    accounts\n    limitsCut\n    exposure {\n      ...MoneyParts\n    }\n    expectedLoss {\n      ...MoneyParts\n    }\n    stressedExpectedLoss {\n      ...MoneyParts\n    }\n    cut {\n      ...MoneyParts\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StressTests($first: Int!) {\n    stressTests(first: $first) {\n      id\n      createdAt\n      scenarioKind\n      pdMultiplier\n      lossGivenDefaultBp\n      budgetBreached\n      modelVersion\n      policyVersion\n      total {\n        ...StressCellParts\n      }\n      byGrade {\n        ...StressCellParts\n      }\n      bySegment {\n        ...StressCellParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StressTests($first: Int!) {\n    stressTests(first: $first) {\n      id\n      createdAt\n      scenarioKind\n      pdMultiplier\n      lossGivenDefaultBp\n      budgetBreached\n      modelVersion\n      policyVersion\n      total {\n        ...StressCellParts\n      }\n      byGrade {\n        ...StressCellParts\n      }\n      bySegment {\n        ...StressCellParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RunStressTest($input: RunStressTestInput!) {\n    runStressTest(input: $input) {\n      stressTest {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RunStressTest($input: RunStressTestInput!) {\n    runStressTest(input: $input) {\n      stressTest {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreatePromotion($input: CreatePromotionInput!) {\n    createPromotion(input: $input) {\n      promotion {\n        id\n        name\n        startsAt\n        endsAt\n        grantedAccounts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreatePromotion($input: CreatePromotionInput!) {\n    createPromotion(input: $input) {\n      promotion {\n        id\n        name\n        startsAt\n        endsAt\n        grantedAccounts\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      agent {\n        id\n        username\n        displayName\n        role\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      agent {\n        id\n        username\n        displayName\n        role\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DemoLogins {\n    demoLogins {\n      username\n      password\n      role\n    }\n  }\n',
): (typeof documents)['\n  query DemoLogins {\n    demoLogins {\n      username\n      password\n      role\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n',
): (typeof documents)['\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CustomerHeader($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      maskedPhone\n      maskedNationalId\n      realNameVerified\n      incomeBand\n      registeredAt\n      account {\n        id\n        accountNumber\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CustomerHeader($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      maskedPhone\n      maskedNationalId\n      realNameVerified\n      incomeBand\n      registeredAt\n      account {\n        id\n        accountNumber\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountOverview($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        score\n        grade\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        availableLimit {\n          ...MoneyParts\n        }\n        temporaryLimits {\n          amount {\n            ...MoneyParts\n          }\n          category\n          startsAt\n          endsAt\n        }\n        categoryLimits {\n          category\n          limit {\n            ...MoneyParts\n          }\n          used {\n            ...MoneyParts\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountOverview($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        score\n        grade\n        baseLimit {\n          ...MoneyParts\n        }\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        availableLimit {\n          ...MoneyParts\n        }\n        temporaryLimits {\n          amount {\n            ...MoneyParts\n          }\n          category\n          startsAt\n          endsAt\n        }\n        categoryLimits {\n          category\n          limit {\n            ...MoneyParts\n          }\n          used {\n            ...MoneyParts\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevealCustomerPii($input: RevealCustomerPiiInput!) {\n    revealCustomerPii(input: $input) {\n      phone\n      nationalId\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RevealCustomerPii($input: RevealCustomerPiiInput!) {\n    revealCustomerPii(input: $input) {\n      phone\n      nationalId\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query InstallmentPlans($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        installmentPlans(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              term\n              status\n              aprPercent\n              createdAt\n              principal {\n                ...MoneyParts\n              }\n              totalFee {\n                ...MoneyParts\n              }\n              schedule {\n                seq\n                dueDate\n                status\n                daysPastDue\n                principal {\n                  ...MoneyParts\n                }\n                fee {\n                  ...MoneyParts\n                }\n                lateFee {\n                  ...MoneyParts\n                }\n                paid {\n                  ...MoneyParts\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query InstallmentPlans($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        installmentPlans(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              term\n              status\n              aprPercent\n              createdAt\n              principal {\n                ...MoneyParts\n              }\n              totalFee {\n                ...MoneyParts\n              }\n              schedule {\n                seq\n                dueDate\n                status\n                daysPastDue\n                principal {\n                  ...MoneyParts\n                }\n                fee {\n                  ...MoneyParts\n                }\n                lateFee {\n                  ...MoneyParts\n                }\n                paid {\n                  ...MoneyParts\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Repayments($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        overdue {\n          isOverdue\n          daysPastDue\n          bucket\n          overdueAmount {\n            ...MoneyParts\n          }\n        }\n        repayments(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              receivedAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Repayments($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        overdue {\n          isOverdue\n          daysPastDue\n          bucket\n          overdueAmount {\n            ...MoneyParts\n          }\n        }\n        repayments(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              receivedAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Notices($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        notices(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              channel\n              message\n              createdAt\n              sentAt\n              readAt\n              acknowledgedAt\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Notices($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        notices(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              channel\n              message\n              createdAt\n              sentAt\n              readAt\n              acknowledgedAt\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditTrail($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            action\n            actor\n            createdAt\n            details\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AuditTrail($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      auditTrail(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            action\n            actor\n            createdAt\n            details\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Purchases($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        purchases(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              id\n              createdAt\n              merchant\n              category\n              status\n              declineCode\n              holdExpiresAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Purchases($id: ID!, $first: Int!, $after: String) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        usedAmount {\n          ...MoneyParts\n        }\n        heldAmount {\n          ...MoneyParts\n        }\n        outstandingPrincipal {\n          ...MoneyParts\n        }\n        purchases(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              id\n              createdAt\n              merchant\n              category\n              status\n              declineCode\n              holdExpiresAt\n              amount {\n                ...MoneyParts\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CustomerTimeline(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $locale: Locale!\n    $kinds: [TimelineKind!]\n  ) {\n    customer(id: $id) {\n      id\n      timeline(first: $first, after: $after, locale: $locale, kinds: $kinds) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            title\n            text\n            amount {\n              ...MoneyParts\n            }\n            actorName\n            tags\n            ticketRef\n            decisionId\n            recoveryRequestId\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CustomerTimeline(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $locale: Locale!\n    $kinds: [TimelineKind!]\n  ) {\n    customer(id: $id) {\n      id\n      timeline(first: $first, after: $after, locale: $locale, kinds: $kinds) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            title\n            text\n            amount {\n              ...MoneyParts\n            }\n            actorName\n            tags\n            ticketRef\n            decisionId\n            recoveryRequestId\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddCustomerNote($input: AddCustomerNoteInput!) {\n    addCustomerNote(input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AddCustomerNote($input: AddCustomerNoteInput!) {\n    addCustomerNote(input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DecisionExplanation($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on LimitDecision {\n        explanation(locale: $locale) {\n          headline\n          reasons {\n            code\n            text\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query DecisionExplanation($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on LimitDecision {\n        explanation(locale: $locale) {\n          headline\n          reasons {\n            code\n            text\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LimitExplanation($id: ID!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        explanation(locale: $locale) {\n          headline\n          repaymentHint\n          reasons {\n            code\n            text\n          }\n          improvements {\n            feature\n            text\n            limitEffect {\n              ...MoneyParts\n            }\n          }\n          decision {\n            id\n            kind\n            createdAt\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query LimitExplanation($id: ID!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        explanation(locale: $locale) {\n          headline\n          repaymentHint\n          reasons {\n            code\n            text\n          }\n          improvements {\n            feature\n            text\n            limitEffect {\n              ...MoneyParts\n            }\n          }\n          decision {\n            id\n            kind\n            createdAt\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LimitHistory($id: ID!, $first: Int!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        decisions(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              createdAt\n              decidedBy\n              decidedByName\n              statusBefore\n              statusAfter\n              score\n              grade\n              baseLimitBefore {\n                ...MoneyParts\n              }\n              baseLimitAfter {\n                ...MoneyParts\n              }\n              reasons(locale: $locale) {\n                code\n                text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query LimitHistory($id: ID!, $first: Int!, $locale: Locale!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        decisions(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              kind\n              createdAt\n              decidedBy\n              decidedByName\n              statusBefore\n              statusAfter\n              score\n              grade\n              baseLimitBefore {\n                ...MoneyParts\n              }\n              baseLimitAfter {\n                ...MoneyParts\n              }\n              reasons(locale: $locale) {\n                code\n                text\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CustomerSearch($search: String!, $first: Int!, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          maskedPhone\n          maskedNationalId\n          account {\n            id\n            accountNumber\n            status\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CustomerSearch($search: String!, $first: Int!, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          maskedPhone\n          maskedNationalId\n          account {\n            id\n            accountNumber\n            status\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RecoveryQueue(\n    $first: Int!\n    $after: String\n    $type: RecoveryType\n    $assignment: QueueAssignment!\n    $locale: Locale!\n  ) {\n    recoveryQueue(first: $first, after: $after, type: $type, assignment: $assignment) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...RecoveryRequestAmounts\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RecoveryQueue(\n    $first: Int!\n    $after: String\n    $type: RecoveryType\n    $assignment: QueueAssignment!\n    $locale: Locale!\n  ) {\n    recoveryQueue(first: $first, after: $after, type: $type, assignment: $assignment) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...RecoveryRequestAmounts\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PurchaseReviewQueue($first: Int!, $after: String) {\n    purchaseReviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          category\n          merchant\n          status\n          reasons\n          createdAt\n          amount {\n            ...MoneyParts\n          }\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PurchaseReviewQueue($first: Int!, $after: String) {\n    purchaseReviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          category\n          merchant\n          status\n          reasons\n          createdAt\n          amount {\n            ...MoneyParts\n          }\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApproveRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    approveRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ApproveRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    approveRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RejectRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    rejectRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RejectRecoveryRequest($input: DecideRecoveryRequestInput!) {\n    rejectRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApprovePurchase($input: DecidePurchaseInput!) {\n    approvePurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ApprovePurchase($input: DecidePurchaseInput!) {\n    approvePurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RejectPurchase($input: DecidePurchaseInput!) {\n    rejectPurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RejectPurchase($input: DecidePurchaseInput!) {\n    rejectPurchase(input: $input) {\n      purchase {\n        id\n        status\n        declineCode\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation TakeRecoveryRequest($input: TakeRecoveryRequestInput!) {\n    takeRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        assignedTo\n        assignedToMe\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation TakeRecoveryRequest($input: TakeRecoveryRequestInput!) {\n    takeRecoveryRequest(input: $input) {\n      recoveryRequest {\n        id\n        assignedTo\n        assignedToMe\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CustomerRecoveryRequests($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      recoveryRequests(first: $first) {\n        totalCount\n        edges {\n          node {\n            ...RecoveryRequestSummary\n            requestedLimit {\n              ...MoneyParts\n            }\n            targetLimit {\n              ...MoneyParts\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CustomerRecoveryRequests($id: ID!, $first: Int!) {\n    customer(id: $id) {\n      id\n      recoveryRequests(first: $first) {\n        totalCount\n        edges {\n          node {\n            ...RecoveryRequestSummary\n            requestedLimit {\n              ...MoneyParts\n            }\n            targetLimit {\n              ...MoneyParts\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RecoveryRequest($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on RecoveryRequest {\n        ...RecoveryRequestAmounts\n        transitions {\n          fromStatus\n          toStatus\n          actorType\n          actorName\n          reasonText(locale: $locale)\n          createdAt\n        }\n        documents {\n          kind\n          fileName\n          contentType\n          sizeBytes\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RecoveryRequest($id: ID!, $locale: Locale!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on RecoveryRequest {\n        ...RecoveryRequestAmounts\n        transitions {\n          fromStatus\n          toStatus\n          actorType\n          actorName\n          reasonText(locale: $locale)\n          createdAt\n        }\n        documents {\n          kind\n          fileName\n          contentType\n          sizeBytes\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RecoveryOptions($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        recoveryTypesOffered\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RecoveryOptions($id: ID!) {\n    customer(id: $id) {\n      id\n      account {\n        id\n        status\n        baseLimit {\n          ...MoneyParts\n        }\n        recoveryTypesOffered\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation FileRecoveryRequest($input: FileRecoveryRequestInput!) {\n    fileRecoveryRequest(input: $input) {\n      recoveryRequest {\n        ...RecoveryRequestSummary\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation FileRecoveryRequest($input: FileRecoveryRequestInput!) {\n    fileRecoveryRequest(input: $input) {\n      recoveryRequest {\n        ...RecoveryRequestSummary\n      }\n      userErrors {\n        ...UserErrorParts\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
