import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PurchasesPanel } from './PurchasesPanel';
import { PurchasesQuery } from '../graphql/customer.graphql';
import { renderWithProviders } from '../../../test/render';

const money = (amount: string) => ({ __typename: 'Money', amount, currency: 'CNY' });
const purchase = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Purchase',
  id,
  createdAt: '2026-11-20T10:00:00Z',
  merchant: '京东',
  category: 'DIGITAL',
  status,
  declineCode: null,
  holdExpiresAt: null,
  amount: money('120.00'),
  ...extra,
});
const page = (nodes: unknown[], opts: { after?: string; next?: string } = {}) => ({
  request: {
    query: PurchasesQuery,
    variables: opts.after ? { id: 'C1', first: 50, after: opts.after } : { id: 'C1', first: 50 },
  },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: 'C1',
        account: {
          __typename: 'CreditAccount',
          id: 'A1',
          usedAmount: money('620.00'),
          heldAmount: money('120.00'),
          outstandingPrincipal: money('500.00'),
          purchases: {
            __typename: 'PurchaseConnection',
            totalCount: 3,
            pageInfo: {
              __typename: 'PageInfo',
              hasNextPage: Boolean(opts.next),
              endCursor: opts.next ?? null,
            },
            edges: nodes.map((node, i) => ({ __typename: 'PurchaseEdge', cursor: `c${i}`, node })),
          },
        },
      },
    },
  },
});

describe('PurchasesPanel', () => {
  it('says what the used amount is made of, when a hold gives the limit back and why a purchase was declined', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PurchasesPanel customerId="C1" />, {
      mocks: [
        page(
          [
            purchase('P3', 'HELD', { holdExpiresAt: '2026-11-27T10:00:00Z' }),
            purchase('P2', 'DECLINED', { declineCode: 'OVER_LIMIT', category: 'TRAVEL' }),
          ],
          { next: 'c1' },
        ),
        page([purchase('P1', 'CAPTURED', { amount: money('500.00') })], { after: 'c1' }),
      ],
    });
    expect(await screen.findByTestId('used-breakdown')).toHaveTextContent(
      '已用额度 ¥620.00 = 消费冻结 ¥120.00',
    );
    expect(screen.getByTestId('used-breakdown')).toHaveTextContent('分期待还本金 ¥500.00');
    const held = screen.getByText('冻结中').closest('tr')!;
    expect(within(held).getByText('数字商品')).toBeInTheDocument();
    expect(within(held).getByText(/^冻结至 .*未确认则自动释放$/)).toBeInTheDocument();
    const declined = screen.getByText('已拒绝').closest('tr')!;
    expect(within(declined).getByText('可用额度不足')).toBeInTheDocument();
    expect(within(declined).getByText('旅行')).toBeInTheDocument();
    expect(screen.queryByText('已确认')).toBeNull();
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('已确认')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(4); // header + three purchases
  });
});
