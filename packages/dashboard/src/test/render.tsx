import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import i18n from '../i18n';
import { RouterProvider, useRouter } from '../app/router';
import { theme } from '../app/theme';
import { writeSession, type SessionAgent } from '../apollo/session';

let currentPath = '/';
function PathProbe() {
  const { route } = useRouter();
  currentPath = JSON.stringify(route);
  return null;
}
/** The route the app is on, as JSON (the router runs in memory in tests). */
export const currentRoute = () => JSON.parse(currentPath) as { name: string; [k: string]: unknown };

export async function renderWithProviders(
  ui: ReactNode,
  {
    mocks = [],
    path = '/',
    language = 'zh-CN',
    role,
  }: {
    mocks?: MockedProviderProps['mocks'];
    path?: string;
    language?: string;
    role?: SessionAgent['role'];
  } = {},
) {
  await i18n.changeLanguage(language);
  if (role)
    writeSession({ token: 't', agent: { id: 'A1', username: 'u', displayName: 'Tester', role } });
  return render(
    <MockedProvider mocks={mocks}>
      <MantineProvider theme={theme} env="test">
        <RouterProvider initialPath={path}>
          <PathProbe />
          {ui}
        </RouterProvider>
      </MantineProvider>
    </MockedProvider>,
  );
}
