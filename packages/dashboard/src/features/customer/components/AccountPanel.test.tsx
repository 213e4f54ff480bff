import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { AccountPanel } from './AccountPanel';
import { AccountOverviewQuery } from '../graphql/customer.graphql';
import { renderWithProviders } from '../../../test/render';

const money = (amount: string) => ({ __typename: 'Money', amount, currency: 'CNY' });
const overview = (account: Record<string, unknown> | null) => ({
  request: { query: AccountOverviewQuery, variables: { id: 'C1' } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: 'C1',
        account: account && {
          __typename: 'CreditAccount',
          id: 'A1',
          status: 'ACTIVE',
          score: 655,
          grade: 'B',
          baseLimit: money('10000.00'),
          usedAmount: money('8500.00'),
          heldAmount: money('500.00'),
          outstandingPrincipal: money('8000.00'),
          availableLimit: money('1500.00'),
          temporaryLimits: [],
          categoryLimits: [
            {
              __typename: 'CategoryLimit',
              category: '数码',
              limit: money('3000.00'),
              used: money('500.00'),
            },
          ],
          ...account,
        },
      },
    },
  },
});

describe('AccountPanel', () => {
  it('shows the limits, score and a gauge whose name carries the numbers', async () => {
    await renderWithProviders(<AccountPanel customerId="C1" />, { mocks: [overview({})] });
    expect(await screen.findByTestId('available-limit')).toHaveTextContent('¥1,500.00');
    expect(screen.getByTestId('base-limit')).toHaveTextContent('¥10,000.00');
    expect(screen.getByTestId('used-amount')).toHaveTextContent('¥8,500.00');
    expect(screen.getByTestId('used-amount-note')).toHaveTextContent(
      '其中消费冻结 ¥500.00 · 分期待还 ¥8,000.00',
    );
    expect(screen.getByRole('link', { name: '查看消费' })).toHaveAttribute(
      'href',
      '/customers/C1?tab=purchases',
    );
    expect(screen.getByText('655')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: '额度使用: 已使用 85% (¥8,500.00 / ¥10,000.00)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('数码')).toBeInTheDocument();
    expect(screen.queryByText(/已超出额度/)).toBeNull();
  });

  it('warns when a reduction left the account over its limit', async () => {
    await renderWithProviders(<AccountPanel customerId="C1" />, {
      mocks: [overview({ baseLimit: money('5000.00'), availableLimit: money('0.00') })],
    });
    expect(await screen.findByText(/已超出额度/)).toBeInTheDocument();
    expect(screen.getByText('已使用 170%')).toBeInTheDocument();
  });

  it('says when there is no credit account', async () => {
    await renderWithProviders(<AccountPanel customerId="C1" />, { mocks: [overview(null)] });
    expect(await screen.findByText('该客户没有信用账户。')).toBeInTheDocument();
  });
});
