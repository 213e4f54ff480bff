import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PiiPanel } from './PiiPanel';
import { RevealCustomerPiiMutation } from '../graphql/customer.graphql';
import { renderWithProviders } from '../../../test/render';

const customer = {
  id: 'C1',
  name: '王杰',
  maskedPhone: '138****7770',
  maskedNationalId: '110101********1010',
  realNameVerified: true,
  incomeBand: 'HIGH',
  registeredAt: '2026-01-11T00:00:00Z',
};

describe('PiiPanel', () => {
  it('shows personal data masked and offers no reveal to an agent', async () => {
    await renderWithProviders(<PiiPanel customer={customer} canReveal={false} />);
    expect(screen.getByText('138****7770')).toBeInTheDocument();
    expect(screen.getByText('110101********1010')).toBeInTheDocument();
    expect(screen.getByText('高')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '查看完整信息' })).toBeNull();
  });

  it('lets a supervisor reveal after confirming that it is audited, with a reason', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PiiPanel customer={customer} canReveal />, {
      mocks: [
        {
          request: {
            query: RevealCustomerPiiMutation,
            variables: { input: { customerId: 'C1', reason: '客户来电核实身份' } },
          },
          result: {
            data: {
              revealCustomerPii: {
                __typename: 'RevealCustomerPiiPayload',
                phone: '13812347770',
                nationalId: '110101199001011010',
                userErrors: [],
              },
            },
          },
        },
      ],
    });
    await user.click(screen.getByRole('button', { name: '查看完整信息' }));
    const dialog = await screen.findByRole('dialog', { name: '查看完整个人信息' });
    expect(dialog).toHaveTextContent('审计日志');
    await user.click(within(dialog).getByRole('button', { name: '查看并记录审计日志' }));
    expect(within(dialog).getByText('请填写至少 5 个字的原因。')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /查看原因/ }), '客户来电核实身份');
    await user.click(within(dialog).getByRole('button', { name: '查看并记录审计日志' }));
    expect(await screen.findByText('13812347770')).toBeInTheDocument();
    expect(screen.getByText('110101199001011010')).toBeInTheDocument();
    expect(screen.getByText('已查看——此操作已记录在审计日志中。')).toBeInTheDocument();
  });
});
