import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PartnersPage } from '../features/admin/components/PartnersPage';
import {
  PartnerAppsQuery,
  RevokePartnerKeyMutation,
} from '../features/admin/graphql/admin.graphql';
import { renderWithProviders } from '../test/render';

const apps = {
  data: {
    partnerApps: [
      {
        __typename: 'PartnerApp',
        id: 'P1',
        name: 'Demo checkout',
        active: true,
        scopes: ['limits:read'],
        createdAt: '2026-11-01T00:00:00Z',
        keys: [
          {
            __typename: 'PartnerApiKey' as const,
            keyId: 'pk_demo',
            label: null,
            scopes: ['limits:read'],
            status: 'LIVE',
            createdAt: '2026-11-01T00:00:00Z',
            expiresAt: null,
            lastUsedAt: null,
            revokedAt: null,
          },
        ],
      },
    ],
  },
};

describe('MutationDialog', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
  });

  it('shows a failed request through the hook and leaves no unhandled rejection', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<PartnersPage />, {
      mocks: [
        { request: { query: PartnerAppsQuery }, result: apps },
        {
          request: {
            query: RevokePartnerKeyMutation,
            variables: { input: { keyId: 'pk_demo', reason: null } },
          },
          error: new TypeError('Failed to fetch'),
        },
      ],
    });
    const row = (await screen.findByText('pk_demo')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: '吊销密钥 pk_demo' }));
    const dialog = await screen.findByRole('dialog', { name: '吊销密钥' });
    await user.click(within(dialog).getByRole('button', { name: '吊销' }));
    const shown = await within(dialog).findByText('无法连接服务，请检查网络后重试。');
    expect(shown.closest('[data-error-code]')).toHaveAttribute('data-error-code', 'NETWORK');
    // An unhandled rejection is reported after the microtask queue drains: give it a turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
