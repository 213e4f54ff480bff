import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { LookupPage } from './LookupPage';
import { CustomerSearchQuery } from '../graphql/lookup.graphql';
import { currentRoute, renderWithProviders } from '../../../test/render';

const customer = (n: number, status: 'ACTIVE' | 'FROZEN' = 'ACTIVE') => ({
  __typename: 'Customer' as const,
  id: `Q3VzdG9tZXI6${n}`,
  name: `王${n}`,
  maskedPhone: `138****000${n}`,
  maskedNationalId: `110101********000${n}`,
  account: {
    __typename: 'CreditAccount' as const,
    id: `acc${n}`,
    accountNumber: `CL000000000${n}`,
    status,
  },
});

const searchMock = (search: string, nodes: ReturnType<typeof customer>[]) => ({
  request: { query: CustomerSearchQuery, variables: { search, first: 20 } },
  result: {
    data: {
      customers: {
        __typename: 'CustomerConnection' as const,
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
        edges: nodes.map((node) => ({ __typename: 'CustomerEdge' as const, node })),
      },
    },
  },
});

describe('LookupPage', () => {
  it('finds customers and opens one with the arrow keys and Enter', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<LookupPage />, {
      mocks: [searchMock('王', [customer(1), customer(2, 'FROZEN'), customer(3)])],
    });
    const box = screen.getByRole('combobox', { name: /手机号.*身份证号/ });
    expect(box).toHaveFocus();
    await user.type(box, '王');
    const options = await screen.findAllByRole('option', {}, { timeout: 3000 });
    expect(options).toHaveLength(3);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('已冻结')).toBeInTheDocument();
    expect(screen.getByText('找到 3 位客户')).toBeInTheDocument();

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1].id);
    await user.keyboard('{Enter}');
    expect(currentRoute()).toMatchObject({ name: 'customer', customerId: customer(2).id });
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<LookupPage />, { mocks: [searchMock('不存在', [])] });
    await user.type(screen.getByRole('combobox'), '不存在');
    expect(await screen.findByText('没有与“不存在”匹配的客户。')).toBeInTheDocument();
  });

  it('shows a friendly message, never the raw error', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<LookupPage />, {
      language: 'en',
      mocks: [
        {
          request: { query: CustomerSearchQuery, variables: { search: 'CL1', first: 20 } },
          error: new CombinedGraphQLErrors({
            errors: [
              {
                message: 'relation "customers" does not exist',
                extensions: { code: 'INTERNAL_SERVER_ERROR' },
              },
            ],
          }),
        },
      ],
    });
    await user.type(screen.getByRole('combobox'), 'CL1');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on our side. Try again in a moment.',
    );
    expect(screen.queryByText(/relation/)).toBeNull();
  });
});
