import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { StatementsPanel, StatementsQuery } from './StatementsPanel';
import { renderWithProviders } from '../../../test/render';

const money = (amount: string) => ({ __typename: 'Money', amount, currency: 'CNY' });
const result = (revolving: unknown, statements: unknown[]) => ({
  request: { query: StatementsQuery, variables: { id: 'C1' } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: 'C1',
        account: { __typename: 'CreditAccount', id: 'A1', revolving, statements },
      },
    },
  },
});

describe('StatementsPanel', () => {
  it('shows the card line and its statements with their status', async () => {
    await renderWithProviders(<StatementsPanel customerId="C1" />, {
      mocks: [
        result(
          {
            __typename: 'RevolvingLine',
            statementDay: 5,
            aprPercent: '18.25',
            points: 1234,
            balance: money('1234.56'),
          },
          [
            {
              __typename: 'Statement',
              seq: 2,
              closingDate: '2026-12-05',
              dueDate: '2026-12-25',
              status: 'PAST_DUE',
              balance: money('1234.56'),
              minimumPayment: money('123.46'),
              paid: money('0.00'),
            },
            {
              __typename: 'Statement',
              seq: 1,
              closingDate: '2026-11-05',
              dueDate: '2026-11-25',
              status: 'PAID',
              balance: money('100.00'),
              minimumPayment: money('100.00'),
              paid: money('100.00'),
            },
          ],
        ),
      ],
    });
    expect(await screen.findByTestId('revolving-line')).toHaveTextContent('年化利率 18.25%');
    expect(screen.getByText('逾期')).toBeInTheDocument();
    expect(screen.getByText('已全额还款')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('says when the customer has no revolving line', async () => {
    await renderWithProviders(<StatementsPanel customerId="C1" />, {
      mocks: [result(null, [])],
      language: 'en',
    });
    expect(await screen.findByText(/No revolving line/)).toBeInTheDocument();
  });
});
