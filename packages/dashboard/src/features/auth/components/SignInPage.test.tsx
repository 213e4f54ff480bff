import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInPage } from './SignInPage';
import { DemoLoginsQuery, SignInMutation } from '../graphql/auth.graphql';
import { currentRoute, renderWithProviders } from '../../../test/render';
import { readSession } from '../../../apollo/session';

const demoMock = (logins: { username: string; password: string; role: string }[]) => ({
  request: { query: DemoLoginsQuery },
  result: { data: { demoLogins: logins.map((l) => ({ __typename: 'DemoLogin', ...l })) } },
});

describe('SignInPage', () => {
  it('lists the demo logins, fills one in, signs in and keeps the token for the tab', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<SignInPage />, {
      path: '/sign-in',
      mocks: [
        demoMock([{ username: 'agent', password: 'agent-demo', role: 'AGENT' }]),
        {
          request: {
            query: SignInMutation,
            variables: { input: { username: 'agent', password: 'agent-demo' } },
          },
          result: {
            data: {
              signIn: {
                __typename: 'SignInPayload',
                token: 'jwt',
                agent: {
                  __typename: 'Agent',
                  id: 'A1',
                  username: 'agent',
                  displayName: '王客服',
                  role: 'AGENT',
                },
                userErrors: [],
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByText('agent / agent-demo')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '使用 agent' }));
    await user.click(screen.getByRole('button', { name: '登录' }));
    await vi.waitFor(() => expect(currentRoute()).toMatchObject({ name: 'lookup' }));
    expect(readSession()).toMatchObject({ token: 'jwt', agent: { role: 'AGENT' } });
  });

  it('hides the demo block outside development and says when fields are empty', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<SignInPage />, { path: '/sign-in', mocks: [demoMock([])] });
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请输入用户名和密码。');
    expect(screen.queryByText('演示账号（仅开发环境）')).toBeNull();
  });
});
