import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { WhyThisLimit } from './WhyThisLimit';
import { LimitExplanationQuery } from '../graphql/limit.graphql';
import { renderWithProviders } from '../../../test/render';

const explanationMock = (locale: 'ZH_CN' | 'EN', explanation: unknown) => ({
  request: { query: LimitExplanationQuery, variables: { id: 'C1', locale } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: 'C1',
        account: { __typename: 'CreditAccount', id: 'A1', explanation },
      },
    },
  },
});

const explanation = {
  __typename: 'LimitExplanation',
  headline: '您的额度为 ¥8,000，信用等级 B。',
  reasons: [
    { __typename: 'DecisionReason', code: 'UTILIZATION_HIGH', text: '近 3 个月额度使用率偏高。' },
    { __typename: 'DecisionReason', code: 'HISTORY_SHORT', text: '使用白条的时间较短。' },
  ],
  improvements: [
    {
      __typename: 'LimitImprovement',
      feature: 'utilization',
      text: '将额度使用率保持在 50% 以下。',
      limitEffect: { __typename: 'Money', amount: '2000.00', currency: 'CNY' },
    },
  ],
  decision: {
    __typename: 'LimitDecision',
    id: 'D1',
    kind: 'PERIODIC_REVIEW',
    createdAt: '2026-10-01T08:00:00Z',
  },
};

describe('WhyThisLimit', () => {
  it('explains the latest decision in the agent’s language and what would raise the limit', async () => {
    await renderWithProviders(<WhyThisLimit customerId="C1" />, {
      mocks: [explanationMock('ZH_CN', explanation)],
    });
    expect(await screen.findByText('您的额度为 ¥8,000，信用等级 B。')).toBeInTheDocument();
    const reasons = screen.getByRole('heading', { name: '主要原因' }).parentElement!;
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['近 3 个月额度使用率偏高。', '使用白条的时间较短。']);
    expect(screen.getByText('将额度使用率保持在 50% 以下。')).toBeInTheDocument();
    expect(screen.getByText('最多 +¥2,000.00')).toBeInTheDocument();
    expect(screen.getByText(/最近一次额度决策：定期评估/)).toBeInTheDocument();
  });

  it('asks the API in English when the agent reads English', async () => {
    await renderWithProviders(<WhyThisLimit customerId="C1" />, {
      language: 'en',
      mocks: [
        explanationMock('EN', {
          ...explanation,
          headline: 'Your limit is ¥8,000 at grade B.',
          improvements: [],
        }),
      ],
    });
    expect(await screen.findByText('Your limit is ¥8,000 at grade B.')).toBeInTheDocument();
    expect(screen.getByText(/No suggestions/)).toBeInTheDocument();
  });

  it('has an empty state when there is no explanation yet', async () => {
    await renderWithProviders(<WhyThisLimit customerId="C1" />, {
      mocks: [explanationMock('ZH_CN', null)],
    });
    expect(await screen.findByText('该账户暂无额度说明。')).toBeInTheDocument();
  });
});
