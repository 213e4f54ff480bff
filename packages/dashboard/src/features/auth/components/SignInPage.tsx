import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Center,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DemoLoginsQuery, SignInMutation } from '../graphql/auth.graphql';
import { useSession } from '../hooks/useSession';
import { errorCodeOf } from '../../../apollo/errors';
import { useRouter, paths } from '../../../app/router';
import { sessionExpired, takeReturnTo } from '../../../apollo/session';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const { navigate } = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [expired] = useState(sessionExpired);
  const demo = useQuery(DemoLoginsQuery, { fetchPolicy: 'cache-first' });
  const [mutate, { loading }] = useMutation(SignInMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!username.trim() || !password) {
      setProblem(t('auth.required'));
      return;
    }
    try {
      const { data } = await mutate({
        variables: { input: { username: username.trim(), password } },
      });
      const payload = data?.signIn;
      if (payload?.token && payload.agent) {
        signIn({ token: payload.token, agent: payload.agent });
        navigate(takeReturnTo() ?? paths.lookup(), { replace: true });
      } else {
        setProblem(t('errors.INVALID_CREDENTIALS'));
      }
    } catch (err) {
      const code = errorCodeOf(err);
      setProblem(
        code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT'
          ? t('errors.INVALID_CREDENTIALS')
          : t(`errors.${code}`),
      );
    }
  };

  const logins = demo.data?.demoLogins ?? [];
  return (
    <Center py="xl" px="md">
      <Stack w="100%" maw={420} gap="md">
        <Card
          withBorder
          padding="lg"
          radius="md"
          component="section"
          aria-labelledby="sign-in-title"
        >
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <div>
                <Title order={1} size="h2" id="sign-in-title">
                  {t('auth.title')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('auth.subtitle')}
                </Text>
              </div>
              {expired && !problem && (
                <Alert color="yellow" variant="light" role="status">
                  {t('session.expired')}
                </Alert>
              )}
              {problem && (
                <Alert color="red" variant="light" role="alert">
                  {problem}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                required
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={loading} fullWidth>
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Card>
        {logins.length > 0 && (
          <Card
            withBorder
            padding="md"
            radius="md"
            component="section"
            aria-labelledby="demo-logins-title"
          >
            <Title order={2} size="h5" id="demo-logins-title" mb="xs">
              {t('auth.demoTitle')}
            </Title>
            <Table>
              <Table.Tbody>
                {logins.map((l) => (
                  <Table.Tr key={l.username}>
                    <Table.Td>
                      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {t(`app.role.${l.role}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {l.username} / {l.password}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('auth.useDemo', { username: l.username })}
                          onClick={() => {
                            setUsername(l.username);
                            setPassword(l.password);
                          }}
                        >
                          {t('auth.use')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
      </Stack>
    </Center>
  );
}
