import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PartnersPage } from './PartnersPage';
import { PartnerAppsQuery, RevokePartnerKeyMutation } from '../graphql/admin.graphql';
import { renderWithProviders } from '../../../test/render';

const key = (keyId: string, status: string, revokedAt: string | null = null) => ({
  __typename: 'PartnerApiKey' as const,
  keyId,
  label: null,
  scopes: ['limits:read', 'purchases:write'],
  status,
  createdAt: '2026-11-01T00:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt,
});
const apps = (status: string) => ({
  data: {
    partnerApps: [
      {
        __typename: 'PartnerApp',
        id: 'P1',
        name: 'Demo checkout',
        active: true,
        scopes: ['limits:read', 'purchases:write'],
        createdAt: '2026-11-01T00:00:00Z',
        keys: [key('pk_demo', status, status === 'REVOKED' ? '2026-12-01T00:00:00Z' : null)],
      },
    ],
  },
});

describe('PartnersPage', () => {
  it('lists apps and keys in words and revokes a key after confirming', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PartnersPage />, {
      mocks: [
        { request: { query: PartnerAppsQuery }, result: apps('LIVE') },
        {
          request: {
            query: RevokePartnerKeyMutation,
            variables: { input: { keyId: 'pk_demo', reason: '合作方报告密钥泄露' } },
          },
          result: {
            data: {
              revokePartnerKey: {
                __typename: 'PartnerKeyPayload',
                key: key('pk_demo', 'REVOKED', '2026-12-01T00:00:00Z'),
                userErrors: [],
              },
            },
          },
        },
        { request: { query: PartnerAppsQuery }, result: apps('REVOKED') },
      ],
    });
    const row = (await screen.findByText('pk_demo')).closest('tr')!;
    expect(row).toHaveTextContent('查询额度、发起购物');
    expect(row).toHaveTextContent('使用中');
    expect(row.textContent).not.toMatch(/LIVE|limits:read/);
    await user.click(within(row).getByRole('button', { name: '吊销密钥 pk_demo' }));
    const dialog = await screen.findByRole('dialog', { name: '吊销密钥' });
    await user.type(within(dialog).getByRole('textbox', { name: /原因/ }), '合作方报告密钥泄露');
    await user.click(within(dialog).getByRole('button', { name: '吊销' }));
    expect(await screen.findByText('已吊销')).toBeInTheDocument();
  });
});
