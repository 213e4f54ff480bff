import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueuePage } from './QueuePage';
import {
  ApprovePurchaseMutation,
  ApproveRecoveryRequestMutation,
  PurchaseReviewQueueQuery,
  RecoveryQueueQuery,
  RejectPurchaseMutation,
} from '../graphql/queue.graphql';
import { renderWithProviders } from '../../../test/render';

const request = {
  __typename: 'RecoveryRequest',
  id: 'R1',
  type: 'UNFREEZE',
  status: 'UNDER_REVIEW',
  reason: '客户已结清逾期款项。',
  createdAt: '2026-11-22T10:00:00Z',
  autoOutcome: 'ROUTE_TO_SUPERVISOR',
  accountStatus: 'FROZEN',
  dueAt: '2026-11-23T10:00:00Z',
  assignedTo: null,
  assignedToMe: false,
  currentLimit: { __typename: 'Money', amount: '5000.00', currency: 'CNY' },
  requestedLimit: null,
  targetLimit: { __typename: 'Money', amount: '5000.00', currency: 'CNY' },
  plan: [],
  reasons: [{ __typename: 'DecisionReason', code: 'RECOVERY_HIGH_RISK', text: '需由主管人工审核' }],
  customer: { __typename: 'Customer', id: 'C1', name: '王杰', maskedPhone: '138****7770' },
};
const queue = (nodes: unknown[]) => ({
  request: {
    query: RecoveryQueueQuery,
    variables: { first: 50, locale: 'ZH_CN', assignment: 'ALL', type: null },
  },
  result: {
    data: {
      recoveryQueue: {
        __typename: 'RecoveryRequestConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node, i) => ({
          __typename: 'RecoveryRequestEdge',
          cursor: String(i),
          node,
        })),
      },
    },
  },
});

const purchase = (id: string, name: string, reasons: string[]) => ({
  __typename: 'Purchase',
  id,
  category: 'ELECTRONICS',
  merchant: '京东',
  status: 'PENDING_REVIEW',
  reasons,
  createdAt: '2026-11-22T10:00:00Z',
  amount: { __typename: 'Money', amount: '20000.00', currency: 'CNY' },
  customer: { __typename: 'Customer', id: `C${id}`, name },
});
/** One page of the purchase queue: `after` the cursor it follows, `next` the cursor of a next page. */
const purchases = (nodes: unknown[], page: { after?: string; next?: string } = {}) => ({
  request: {
    query: PurchaseReviewQueueQuery,
    variables: page.after ? { first: 50, after: page.after } : { first: 50 },
  },
  result: {
    data: {
      purchaseReviewQueue: {
        __typename: 'PurchaseConnection',
        totalCount: nodes.length,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: Boolean(page.next),
          endCursor: page.next ?? null,
        },
        edges: nodes.map((node, i) => ({
          __typename: 'PurchaseEdge',
          cursor: String(i),
          node,
        })),
      },
    },
  },
});

describe('QueuePage', () => {
  it('is for supervisors only', async () => {
    await renderWithProviders(<QueuePage />, { role: 'AGENT' });
    expect(screen.getByText('审核队列仅供主管使用。')).toBeInTheDocument();
  });

  it('approves a request with a required reason and refreshes the queue', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<QueuePage />, {
      role: 'SUPERVISOR',
      mocks: [
        queue([request]),
        {
          request: {
            query: ApproveRecoveryRequestMutation,
            variables: { input: { requestId: 'R1', reason: '还款记录良好，同意。' } },
          },
          result: {
            data: {
              approveRecoveryRequest: {
                __typename: 'RecoveryRequestPayload',
                recoveryRequest: { __typename: 'RecoveryRequest', id: 'R1', status: 'APPROVED' },
                userErrors: [],
              },
            },
          },
        },
        queue([]),
      ],
    });
    const row = (await screen.findByText(/王杰/)).closest('li')!;
    expect(within(row).getByText('转主管审核')).toBeInTheDocument();
    expect(within(row).getByTestId('queue-amounts')).toHaveTextContent('¥5,000.00');
    await user.click(within(row).getByRole('button', { name: '通过' }));
    const dialog = await screen.findByRole('dialog', { name: '通过额度恢复申请' });
    // the dialog shows what is decided on: amounts and the automatic review's reasons
    expect(within(dialog).getByTestId('current-limit')).toHaveTextContent('¥5,000.00');
    expect(within(dialog).getByText('需由主管人工审核')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '通过' }));
    expect(within(dialog).getByText('请填写至少 5 个字的审核意见。')).toBeInTheDocument();
    await user.type(
      within(dialog).getByRole('textbox', { name: /审核意见/ }),
      '还款记录良好，同意。',
    );
    await user.click(within(dialog).getByRole('button', { name: '通过' }));
    expect(await screen.findByText('已通过。')).toBeInTheDocument();
    expect(await screen.findByText('暂无待审核的额度恢复申请。')).toBeInTheDocument();
  });

  it('approves a purchase waiting for review, and says so when the limit no longer allows it', async () => {
    const user = userEvent.setup();
    const payload = (field: string, id: string, status: string, declineCode: string | null) => ({
      data: {
        [field]: {
          __typename: 'PurchasePayload',
          purchase: { __typename: 'Purchase', id, status, declineCode },
          userErrors: [],
        },
      },
    });
    const p1 = purchase('P1', '李娜', ['AMOUNT_ABOVE_REVIEW_THRESHOLD']);
    const p2 = purchase('P2', '赵磊', ['AMOUNT_ABOVE_REVIEW_THRESHOLD', 'RISK_RULE_NEW_DEVICE']);
    await renderWithProviders(<QueuePage />, {
      role: 'SUPERVISOR',
      mocks: [
        queue([]),
        purchases([p1, p2]),
        {
          request: {
            query: ApprovePurchaseMutation,
            variables: { input: { purchaseId: 'P1', reason: '核实为本人购买。' } },
          },
          result: payload('approvePurchase', 'P1', 'DECLINED', 'OVER_LIMIT'),
        },
        purchases([p2]),
        {
          request: {
            query: RejectPurchaseMutation,
            variables: { input: { purchaseId: 'P2', reason: '设备异常，拒绝。' } },
          },
          result: payload('rejectPurchase', 'P2', 'REJECTED', 'REJECTED_IN_REVIEW'),
        },
        purchases([]),
      ],
    });
    await user.click(await screen.findByRole('tab', { name: '待人工审核的消费' }));
    const row = (await screen.findByText('李娜')).closest('tr')!;
    expect(within(row).getByText('大额消费')).toBeInTheDocument();
    expect(within(row).getByText('电子电器')).toBeInTheDocument(); // the category in words
    await user.click(within(row).getByRole('button', { name: '通过' }));
    let dialog = await screen.findByRole('dialog', { name: '通过消费' });
    await user.type(within(dialog).getByRole('textbox', { name: /审核意见/ }), '核实为本人购买。');
    await user.click(within(dialog).getByRole('button', { name: '通过' }));
    expect(
      await screen.findByText('已通过，但当前额度已不足，消费被拒绝：可用额度不足'),
    ).toBeInTheDocument();

    const second = (await screen.findByText('赵磊')).closest('tr')!;
    expect(within(second).getByText('新设备')).toBeInTheDocument();
    await user.click(within(second).getByRole('button', { name: '拒绝' }));
    dialog = await screen.findByRole('dialog', { name: '拒绝消费' });
    await user.type(within(dialog).getByRole('textbox', { name: /审核意见/ }), '设备异常，拒绝。');
    await user.click(within(dialog).getByRole('button', { name: '拒绝' }));
    expect(await screen.findByText('已拒绝：客户额度不受影响。')).toBeInTheDocument();
    expect(await screen.findByText('暂无待人工审核的消费。')).toBeInTheDocument();
  });

  it('loads more purchases when there are more than one page', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<QueuePage />, {
      role: 'SUPERVISOR',
      mocks: [
        queue([]),
        purchases([purchase('P1', '李娜', ['AMOUNT_ABOVE_REVIEW_THRESHOLD'])], { next: 'c1' }),
        purchases([purchase('P2', '赵磊', ['RISK_RULE_NEW_DEVICE'])], { after: 'c1' }),
      ],
    });
    await user.click(await screen.findByRole('tab', { name: '待人工审核的消费' }));
    expect(await screen.findByText('李娜')).toBeInTheDocument();
    expect(screen.queryByText('赵磊')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('赵磊')).toBeInTheDocument();
    expect(screen.getByText('李娜')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
  });
});
