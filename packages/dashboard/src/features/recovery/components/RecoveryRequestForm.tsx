import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  List,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useUserErrorText } from '../../../apollo/userErrors';
import { settled } from '../../../apollo/settled';
import { useDraft } from '../../auth/hooks/useDraft';
import { formatMoney } from '../../../format/money';
import { useTranslation } from 'react-i18next';
import { FileRecoveryRequestMutation } from '../graphql/recovery.graphql';
import { formatBytes } from '../../../format/bytes';
import { ErrorState } from '../../../components/states';
import {
  DOCUMENT_KINDS,
  LIMIT_CAP_YUAN,
  RECOVERY_TYPES,
  REASON_MAX,
  hasErrors,
  validateRecoveryForm,
  type FormProblem,
  type RecoveryDocumentDraft,
  type RecoveryFormErrors,
  type RecoveryTypeValue,
} from '../hooks/validateRecoveryForm';

/**
 * File a recovery request (额度恢复申请): type, reason, documents (only their metadata is sent).
 * Calls `onFiled` with the new request's id.
 */
export function RecoveryRequestForm({
  customerId,
  onFiled,
  suggestedType,
  offeredTypes,
  currentLimitFen,
}: {
  customerId: string;
  onFiled: (requestId: string) => void;
  /** Pre-selected when the account's state makes one type the obvious one (frozen → UNFREEZE). */
  suggestedType?: RecoveryTypeValue;
  /** The types the account's state allows (unfreeze only when frozen); all when unknown. */
  offeredTypes?: readonly string[];
  /** The base limit now (fen): an increase must ask for more. */
  currentLimitFen?: number;
}) {
  const { t, i18n } = useTranslation();
  const userErrorText = useUserErrorText();
  const types = RECOVERY_TYPES.filter((x) => !offeredTypes || offeredTypes.includes(x));
  // Drafts survive an expired session: signing in again returns here with the text.
  const [requestedLimit, setRequestedLimit] = useDraft(`recovery-limit:${customerId}`, '');
  const [chosenType, setType] = useState<RecoveryTypeValue | null>(null);
  const type = chosenType ?? suggestedType ?? null;
  const [reason, setReason] = useDraft(`recovery-reason:${customerId}`, '');
  const [documents, setDocuments] = useState<RecoveryDocumentDraft[]>([]);
  const [errors, setErrors] = useState<RecoveryFormErrors>({ documents: [] });
  const [submitted, setSubmitted] = useState(false);
  const [userErrors, setUserErrors] = useState<string[]>([]);
  const [file, { loading, error }] = useMutation(FileRecoveryRequestMutation);

  const problem = (p?: FormProblem) =>
    p ? t(`recovery.validation.${p.key}`, p.params) : undefined;
  const values = { type, reason, documents, requestedLimit, currentLimitFen };
  const revalidate = (next: Partial<typeof values>) => {
    if (submitted) setErrors(validateRecoveryForm({ ...values, ...next }));
  };

  const addFiles = (files: File[]) => {
    const next = [
      ...documents,
      ...files.map((f) => ({
        kind: 'OTHER',
        fileName: f.name,
        contentType: f.type || 'application/octet-stream',
        sizeBytes: f.size,
      })),
    ];
    setDocuments(next);
    revalidate({ documents: next });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setUserErrors([]);
    const found = validateRecoveryForm(values);
    setErrors(found);
    if (hasErrors(found) || !type) return;
    const { data } = await file({
      variables: {
        input: {
          customerId,
          type,
          reason: reason.trim(),
          requestedLimit: type === 'INCREASE' ? requestedLimit.replace(/[,，\s¥]/g, '') : null,
          documents: documents.length ? documents : null,
        },
      },
    });
    const payload = data?.fileRecoveryRequest;
    if (payload?.recoveryRequest && payload.userErrors.length === 0) {
      setReason('');
      setRequestedLimit('');
      onFiled(payload.recoveryRequest.id);
    } else if (payload) setUserErrors(payload.userErrors.map(userErrorText));
  };

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="recovery-form-title"
      maw={760}
    >
      <form onSubmit={(e) => void settled(submit(e))} noValidate>
        <Stack gap="md">
          <Title order={1} size="h3" id="recovery-form-title">
            {t('recovery.formTitle')}
          </Title>
          {error && <ErrorState error={error} />}
          {userErrors.length > 0 && (
            <Alert color="red" variant="light" role="alert">
              {userErrors.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          )}
          <Radio.Group
            label={t('recovery.type')}
            value={type ?? ''}
            onChange={(v) => {
              setType(v as RecoveryTypeValue);
              revalidate({ type: v as RecoveryTypeValue });
            }}
            error={problem(errors.type)}
            required
          >
            <Stack gap={6} mt={6}>
              {types.map((rt) => (
                <Radio key={rt} value={rt} label={t(`recovery.types.${rt}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {type === 'INCREASE' && (
            <TextInput
              label={t('recovery.requestedLimit')}
              description={
                currentLimitFen != null
                  ? t('recovery.requestedLimitHint', {
                      current: formatMoney(
                        { amount: (currentLimitFen / 100).toFixed(2), currency: 'CNY' },
                        i18n.language,
                      ),
                      cap: LIMIT_CAP_YUAN.toLocaleString(i18n.language),
                    })
                  : undefined
              }
              leftSection="¥"
              inputMode="decimal"
              value={requestedLimit}
              onChange={(e) => {
                setRequestedLimit(e.currentTarget.value);
                revalidate({ requestedLimit: e.currentTarget.value });
              }}
              error={problem(errors.requestedLimit)}
              required
            />
          )}
          <Textarea
            label={t('recovery.reason')}
            description={t('recovery.reasonHint')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              revalidate({ reason: e.currentTarget.value });
            }}
            error={problem(errors.reason)}
            autosize
            minRows={4}
            maxLength={REASON_MAX + 200}
            required
          />
          <Stack gap={6}>
            <Text fw={500} size="sm" id="documents-label">
              {t('recovery.documents')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('recovery.documentsHint')}
            </Text>
            {documents.length > 0 && (
              <Table.ScrollContainer minWidth={420}>
                <Table aria-labelledby="documents-label">
                  <Table.Tbody>
                    {documents.map((d, i) => (
                      <Table.Tr key={`${d.fileName}-${i}`}>
                        <Table.Td>
                          <Text size="sm" style={{ wordBreak: 'break-all' }}>
                            {d.fileName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {d.contentType} · {formatBytes(d.sizeBytes)}
                          </Text>
                        </Table.Td>
                        <Table.Td w={200}>
                          <Select
                            size="xs"
                            aria-label={`${t('recovery.documentKind')}: ${d.fileName}`}
                            data={DOCUMENT_KINDS.map((k) => ({
                              value: k,
                              label: t(`recovery.documentKinds.${k}`),
                            }))}
                            value={d.kind}
                            allowDeselect={false}
                            onChange={(v) =>
                              setDocuments(
                                documents.map((x, j) =>
                                  j === i ? { ...x, kind: v ?? 'OTHER' } : x,
                                ),
                              )
                            }
                          />
                        </Table.Td>
                        <Table.Td w={40}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('recovery.remove', { name: d.fileName })}
                            onClick={() => {
                              const next = documents.filter((_, j) => j !== i);
                              setDocuments(next);
                              revalidate({ documents: next });
                            }}
                          >
                            ×
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {errors.documents.length > 0 && (
              <List size="sm" c="red.9" role="alert">
                {errors.documents.map((p, i) => (
                  <List.Item key={i}>{problem(p)}</List.Item>
                ))}
              </List>
            )}
            <Group>
              <FileButton
                onChange={addFiles}
                multiple
                accept="application/pdf,image/jpeg,image/png"
              >
                {(props) => (
                  <Button variant="default" size="xs" {...props}>
                    {t('recovery.addDocuments')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              {t('recovery.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
