import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CreatePartnerAppMutation,
  IssuePartnerKeyMutation,
  PartnerAppsQuery,
  RevokePartnerKeyMutation,
  RotatePartnerKeyMutation,
} from '../graphql/admin.graphql';
import { QueryState } from '../../../components/states';
import { MutationDialog, useMutationProblem } from '../../../components/MutationDialog';
import { formatDateTime } from '../../../format/date';
import { settled } from '../../../apollo/settled';

/** The scopes a partner app or key can hold (packages/api partners/partner-app.entity.ts). */
const SCOPES = ['limits:read', 'quotes:read', 'purchases:write', 'repayments:write'] as const;

type Dialog =
  | { kind: 'create' }
  | { kind: 'issue'; appId: string; appName: string; appScopes: string[] }
  | { kind: 'rotate'; keyId: string }
  | { kind: 'revoke'; keyId: string }
  | null;

/** A scope or key status in words (never `limits:read` or `LIVE`). */
function useWords() {
  const { t } = useTranslation();
  return {
    scope: (s: string) => t(`admin.partners.scopes.${s.replace(':', '_')}`, { defaultValue: s }),
    status: (s: string) =>
      t(`admin.partners.keyStatus.${s}`, { defaultValue: t('admin.partners.keyStatus.other') }),
  };
}

/** Risk admin: every partner app with its keys; register an app, issue, rotate and revoke keys. */
export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const words = useWords();
  const { data, loading, error, refetch } = useQuery(PartnerAppsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  /** A new key's value, shown once after it was issued. */
  const [shownKey, setShownKey] = useState<string | null>(null);
  const done = (apiKey?: string | null) => {
    setDialog(null);
    if (apiKey) setShownKey(apiKey);
    void settled(refetch());
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('admin.partners.title')}
        </Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('admin.partners.create')}</Button>
      </Group>
      <Text c="dimmed" size="sm">
        {t('admin.partners.intro')}
      </Text>
      {shownKey && (
        <Alert
          color="yellow"
          variant="light"
          role="status"
          title={t('admin.partners.keyOnce')}
          withCloseButton
          closeButtonLabel={t('app.close')}
          onClose={() => setShownKey(null)}
        >
          <Code block data-testid="new-api-key" data-free-text>
            {shownKey}
          </Code>
        </Alert>
      )}
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          (data?.partnerApps ?? []).length === 0 ? (
            <Text c="dimmed">{t('admin.partners.none')}</Text>
          ) : (
            <Stack gap="md">
              {data!.partnerApps.map((app) => (
                <Card
                  key={app.id}
                  withBorder
                  padding="md"
                  radius="md"
                  component="section"
                  aria-labelledby={`app-${app.id}`}
                  data-testid="partner-app"
                >
                  <Group justify="space-between" wrap="wrap" mb="xs">
                    <Group gap="xs">
                      <Title order={2} size="h4" id={`app-${app.id}`}>
                        <span data-free-text>{app.name}</span>
                      </Title>
                      <Badge color={app.active ? 'teal.9' : 'gray.7'} variant="filled">
                        {app.active ? t('admin.partners.active') : t('admin.partners.inactive')}
                      </Badge>
                    </Group>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() =>
                        setDialog({
                          kind: 'issue',
                          appId: app.id,
                          appName: app.name,
                          appScopes: app.scopes,
                        })
                      }
                    >
                      {t('admin.partners.issue')}
                    </Button>
                  </Group>
                  <Text size="sm" mb="xs">
                    {t('admin.partners.appScopes')}: {app.scopes.map(words.scope).join('、')} ·{' '}
                    {t('admin.partners.registered')} {formatDateTime(app.createdAt, lng)}
                  </Text>
                  <Table.ScrollContainer minWidth={720}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('admin.partners.keyId')}</Table.Th>
                          <Table.Th>{t('admin.partners.label')}</Table.Th>
                          <Table.Th>{t('admin.partners.keyScopes')}</Table.Th>
                          <Table.Th>{t('admin.partners.status')}</Table.Th>
                          <Table.Th>{t('admin.partners.lastUsed')}</Table.Th>
                          <Table.Th>{t('admin.partners.actions')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {app.keys.map((k) => (
                          <Table.Tr key={k.keyId}>
                            <Table.Td>
                              <Code data-free-text>{k.keyId}</Code>
                            </Table.Td>
                            <Table.Td>
                              {k.label ? <span data-free-text>{k.label}</span> : '—'}
                            </Table.Td>
                            <Table.Td>{k.scopes.map(words.scope).join('、')}</Table.Td>
                            <Table.Td>
                              {words.status(k.status)}
                              {k.status === 'ROTATING' && k.expiresAt
                                ? ` (${t('admin.partners.until', { at: formatDateTime(k.expiresAt, lng) })})`
                                : ''}
                            </Table.Td>
                            <Table.Td>
                              {k.lastUsedAt
                                ? formatDateTime(k.lastUsedAt, lng)
                                : t('admin.partners.never')}
                            </Table.Td>
                            <Table.Td>
                              {k.status === 'LIVE' || k.status === 'ROTATING' ? (
                                <Group gap="xs" wrap="nowrap">
                                  {k.status === 'LIVE' && (
                                    <Button
                                      size="xs"
                                      variant="default"
                                      aria-label={t('admin.partners.rotateKey', { key: k.keyId })}
                                      onClick={() => setDialog({ kind: 'rotate', keyId: k.keyId })}
                                    >
                                      {t('admin.partners.rotate')}
                                    </Button>
                                  )}
                                  <Button
                                    size="xs"
                                    color="red.9"
                                    variant="outline"
                                    aria-label={t('admin.partners.revokeKey', { key: k.keyId })}
                                    onClick={() => setDialog({ kind: 'revoke', keyId: k.keyId })}
                                  >
                                    {t('admin.partners.revoke')}
                                  </Button>
                                </Group>
                              ) : (
                                '—'
                              )}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <CreateAppDialog
        open={dialog?.kind === 'create'}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <IssueKeyDialog
        target={dialog?.kind === 'issue' ? dialog : null}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <RotateKeyDialog
        keyId={dialog?.kind === 'rotate' ? dialog.keyId : null}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <RevokeKeyDialog
        keyId={dialog?.kind === 'revoke' ? dialog.keyId : null}
        onClose={() => setDialog(null)}
        onDone={done}
      />
    </Stack>
  );
}

function ScopeChoice({
  value,
  onChange,
  within,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  within: readonly string[];
}) {
  const { t } = useTranslation();
  const words = useWords();
  return (
    <Checkbox.Group label={t('admin.partners.scopesLabel')} value={value} onChange={onChange}>
      <Stack gap={4} mt={4}>
        {within.map((s) => (
          <Checkbox key={s} value={s} label={words.scope(s)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function CreateAppDialog({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (apiKey?: string | null) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['limits:read']);
  const { problem, setProblem, refused } = useMutationProblem();
  const [create, { loading, error }] = useMutation(CreatePartnerAppMutation);
  const submit = async () => {
    setProblem(null);
    if (name.trim().length < 2) return setProblem(t('admin.partners.nameRequired'));
    if (!scopes.length) return setProblem(t('admin.partners.scopesRequired'));
    const { data } = await create({ variables: { input: { name: name.trim(), scopes } } });
    const p = data?.createPartnerApp;
    if (refused(p)) return;
    setName('');
    onDone(p?.apiKey);
  };
  return (
    <MutationDialog
      opened={open}
      onClose={onClose}
      title={t('admin.partners.create')}
      problem={problem}
      error={error}
      loading={loading}
      onSubmit={submit}
      submitLabel={t('admin.partners.createConfirm')}
    >
      <TextInput
        label={t('admin.partners.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <ScopeChoice value={scopes} onChange={setScopes} within={SCOPES} />
    </MutationDialog>
  );
}

function IssueKeyDialog({
  target,
  onClose,
  onDone,
}: {
  target: { appId: string; appName: string; appScopes: string[] } | null;
  onClose: () => void;
  onDone: (apiKey?: string | null) => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<string[] | null>(null);
  const { problem, setProblem, refused } = useMutationProblem();
  const [issue, { loading, error }] = useMutation(IssuePartnerKeyMutation);
  const chosen = scopes ?? target?.appScopes ?? [];
  const close = () => {
    setScopes(null);
    setProblem(null);
    onClose();
  };
  const submit = async () => {
    if (!target) return;
    setProblem(null);
    if (!chosen.length) return setProblem(t('admin.partners.scopesRequired'));
    const { data } = await issue({
      variables: {
        input: { partnerAppId: target.appId, label: label.trim() || null, scopes: chosen },
      },
    });
    const p = data?.issuePartnerKey;
    if (refused(p)) return;
    setLabel('');
    setScopes(null);
    onDone(p?.apiKey);
  };
  return (
    <MutationDialog
      opened={!!target}
      onClose={close}
      title={t('admin.partners.issue')}
      problem={problem}
      error={error}
      loading={loading}
      onSubmit={submit}
      submitLabel={t('admin.partners.issueConfirm')}
    >
      <Text size="sm">
        {t('admin.partners.forApp')}: <span data-free-text>{target?.appName}</span>
      </Text>
      <TextInput
        label={t('admin.partners.label')}
        description={t('admin.partners.labelHint')}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
      />
      <ScopeChoice value={chosen} onChange={setScopes} within={target?.appScopes ?? []} />
    </MutationDialog>
  );
}

function RotateKeyDialog({
  keyId,
  onClose,
  onDone,
}: {
  keyId: string | null;
  onClose: () => void;
  onDone: (apiKey?: string | null) => void;
}) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState<number | string>(24);
  const { problem, setProblem, refused } = useMutationProblem();
  const [rotate, { loading, error }] = useMutation(RotatePartnerKeyMutation);
  const submit = async () => {
    if (!keyId) return;
    setProblem(null);
    const graceHours = typeof grace === 'number' ? grace : Number(grace);
    if (!Number.isInteger(graceHours) || graceHours < 0 || graceHours > 720)
      return setProblem(t('userErrors.INVALID_GRACE'));
    const { data } = await rotate({ variables: { input: { keyId, graceHours } } });
    const p = data?.rotatePartnerKey;
    if (refused(p)) return;
    onDone(p?.apiKey);
  };
  return (
    <MutationDialog
      opened={!!keyId}
      onClose={onClose}
      title={t('admin.partners.rotateTitle')}
      problem={problem}
      error={error}
      loading={loading}
      onSubmit={submit}
      submitLabel={t('admin.partners.rotate')}
    >
      <Text size="sm">{t('admin.partners.rotateText')}</Text>
      <NumberInput
        label={t('admin.partners.graceHours')}
        min={0}
        max={720}
        allowDecimal={false}
        value={grace}
        onChange={setGrace}
      />
    </MutationDialog>
  );
}

function RevokeKeyDialog({
  keyId,
  onClose,
  onDone,
}: {
  keyId: string | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { problem, setProblem, refused } = useMutationProblem();
  const [revoke, { loading, error }] = useMutation(RevokePartnerKeyMutation);
  const submit = async () => {
    if (!keyId) return;
    setProblem(null);
    const { data } = await revoke({
      variables: { input: { keyId, reason: reason.trim() || null } },
    });
    if (refused(data?.revokePartnerKey)) return;
    setReason('');
    onDone();
  };
  return (
    <MutationDialog
      opened={!!keyId}
      onClose={onClose}
      title={t('admin.partners.revokeTitle')}
      problem={problem}
      error={error}
      loading={loading}
      onSubmit={submit}
      submitLabel={t('admin.partners.revoke')}
      submitColor="red.9"
    >
      <Alert color="yellow" variant="light">
        {t('admin.partners.revokeText')}
      </Alert>
      <Textarea
        label={t('admin.partners.revokeReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
    </MutationDialog>
  );
}
