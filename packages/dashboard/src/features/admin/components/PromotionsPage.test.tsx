import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PromotionsPage } from './PromotionsPage';
import { CancelPromotionMutation, PromotionsQuery } from '../graphql/admin.graphql';
import { renderWithProviders } from '../../../test/render';

const promotion = (status: string) => ({
  __typename: 'Promotion' as const,
  id: 'PR1',
  name: '双12 临时额度',
  status,
  startsAt: '2026-12-10T00:00:00Z',
  endsAt: '2026-12-13T00:00:00Z',
  eligibleGrades: ['A', 'B'],
  category: 'ELECTRONICS',
  percentBp: null,
  grantedAccounts: 0,
  amount: { __typename: 'Money' as const, amount: '500.00', currency: 'CNY' },
});
const list = (status: string) => ({
  data: {
    promotions: {
      __typename: 'PromotionConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: [{ __typename: 'PromotionEdge', node: promotion(status) }],
    },
  },
});
const vars = { first: 20, status: null };

describe('PromotionsPage', () => {
  it('lists promotions in words and cancels one with a reason', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PromotionsPage />, {
      mocks: [
        { request: { query: PromotionsQuery, variables: vars }, result: list('SCHEDULED') },
        {
          request: {
            query: CancelPromotionMutation,
            variables: { input: { promotionId: 'PR1', reason: '预算调整，活动取消' } },
          },
          result: {
            data: {
              cancelPromotion: {
                __typename: 'PromotionPayload',
                promotion: promotion('CANCELLED'),
                userErrors: [],
              },
            },
          },
        },
        { request: { query: PromotionsQuery, variables: vars }, result: list('CANCELLED') },
      ],
    });
    const row = await screen.findByTestId('promotion-row');
    expect(row).toHaveTextContent('未开始');
    expect(row).toHaveTextContent('仅限电子电器');
    expect(row.textContent).not.toMatch(/SCHEDULED|ELECTRONICS/);
    await user.click(within(row).getByRole('button', { name: '取消活动 双12 临时额度' }));
    const dialog = await screen.findByRole('dialog', { name: '取消活动' });
    // A reason is required before anything is sent.
    await user.click(within(dialog).getByRole('button', { name: '确认取消' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请填写取消原因');
    await user.type(
      within(dialog).getByRole('textbox', { name: /取消原因/ }),
      '预算调整，活动取消',
    );
    await user.click(within(dialog).getByRole('button', { name: '确认取消' }));
    await waitFor(() => expect(screen.getByTestId('promotion-row')).toHaveTextContent('已取消'));
    // A cancelled promotion cannot be cancelled again.
    expect(
      within(screen.getByTestId('promotion-row')).queryByRole('button', { name: /取消活动/ }),
    ).toBeNull();
  });
});
