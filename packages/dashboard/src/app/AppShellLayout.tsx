import type { ReactNode } from 'react';
import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useSession } from '../features/auth/hooks/useSession';
import { SignOutMutation } from '../features/auth/graphql/auth.graphql';
import { paths, useRouter } from './router';
import { SessionExpiryWarning } from '../features/auth/components/SessionExpiryWarning';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <VisuallyHidden id="language-label">{t('app.language')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        aria-labelledby="language-label"
        value={i18n.language}
        onChange={(v) => setLanguage(v as Language)}
        data={LANGUAGES.map((l) => ({
          value: l.value,
          label: <span lang={l.value}>{l.label}</span>,
        }))}
      />
    </div>
  );
}

/** Header (title, language, agent, sign-out), navigation, and the page. */
export function AppShellLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut, isSupervisor } = useSession();
  const { route, navigate } = useRouter();
  const client = useApolloClient();
  const [opened, { toggle, close }] = useDisclosure(false);

  const go = (to: string) => {
    close();
    navigate(to);
  };
  const nav = [
    {
      to: paths.lookup(),
      label: t('app.nav.lookup'),
      active: route.name === 'lookup' || route.name === 'customer',
    },
    ...(isSupervisor
      ? [{ to: paths.queue(), label: t('app.nav.queue'), active: route.name === 'queue' }]
      : []),
    ...(session?.agent.role === 'RISK_ADMIN'
      ? (
          [
            ['partners', t('app.nav.partners')],
            ['stress-tests', t('app.nav.stress')],
            ['promotions', t('app.nav.promotions')],
            ['category-limits', t('app.nav.categoryLimits')],
            ['jobs', t('app.nav.jobs')],
          ] as const
        ).map(([page, label]) => ({
          to: paths.admin(page),
          label,
          active: route.name === 'admin' && route.page === page,
        }))
      : []),
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={
        session ? { width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined
      }
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {session && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.menu')}
              />
            )}
            <Text fw={700} size="lg" visibleFrom="xs">
              {t('app.title')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {session && (
              <>
                <Stack gap={0} visibleFrom="md" align="flex-end">
                  <Text size="sm" fw={500}>
                    {session.agent.displayName}
                  </Text>
                  <Badge size="xs" variant="light">
                    {t(`app.role.${session.agent.role}`)}
                  </Badge>
                </Stack>
                <Button
                  size="xs"
                  variant="default"
                  onClick={async () => {
                    // End the session on the server (every device, every API process), then here;
                    // a failure (already ended, offline) still signs out locally.
                    await client.mutate({ mutation: SignOutMutation }).catch(() => undefined);
                    signOut();
                    void client.clearStore();
                    navigate(paths.signIn(), { replace: true });
                  }}
                >
                  {t('app.signOut')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {session && (
        <AppShell.Navbar p="xs" aria-label={t('app.title')} component="nav">
          {nav.map((n) => (
            <NavLink
              key={n.to}
              href={n.to}
              label={n.label}
              active={n.active}
              aria-current={n.active ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(n.to);
              }}
            />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <SessionExpiryWarning />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
