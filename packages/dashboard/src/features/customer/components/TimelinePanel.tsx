import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AddCustomerNoteMutation,
  CustomerTimelineQuery,
  DecisionExplanationQuery,
} from '../graphql/timeline.graphql';
import { LoadMore, QueryState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { formatMoney } from '../../../format/money';
import { useApiLocale } from '../../../i18n/useApiLocale';
import { useUserErrorText } from '../../../apollo/userErrors';
import { Link, paths } from '../../../app/router';
import { useDraft } from '../../auth/hooks/useDraft';
import { settled } from '../../../apollo/settled';

const PAGE = 30;
const KINDS = ['ALL', 'DECISION', 'PURCHASE', 'REPAYMENT', 'NOTICE', 'RECOVERY', 'NOTE'] as const;
const TAGS = ['COMPLAINT', 'HARDSHIP', 'VIP'] as const;
type Kind = (typeof KINDS)[number];

/** The customer's whole history in one list, with the agent's notes and "copy as reply" for any decision. */
export function TimelinePanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const locale = useApiLocale();
  const [kind, setKind] = useState<Kind>('ALL');
  const [explaining, setExplaining] = useState<string | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(CustomerTimelineQuery, {
    variables: {
      id: customerId,
      first: PAGE,
      locale,
      kinds: kind === 'ALL' ? null : [kind],
    },
    fetchPolicy: 'cache-and-network',
  });
  const conn = data?.customer?.timeline;
  const entries = conn?.edges.map((e) => e.node) ?? [];
  const loadMore = () =>
    void settled(
      fetchMore({
        variables: { after: conn?.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          customer: fetchMoreResult.customer && {
            ...fetchMoreResult.customer,
            timeline: {
              ...fetchMoreResult.customer.timeline,
              edges: [
                ...(prev.customer?.timeline.edges ?? []),
                ...fetchMoreResult.customer.timeline.edges,
              ],
            },
          },
        }),
      }),
    );

  return (
    <Stack gap="md">
      <NoteForm customerId={customerId} onAdded={() => void settled(refetch())} />
      <Card
        withBorder
        padding="md"
        radius="md"
        component="section"
        aria-labelledby="timeline-title"
      >
        <Group justify="space-between" wrap="wrap" mb="sm">
          <Title order={2} size="h4" id="timeline-title">
            {t('timeline.title')}
          </Title>
          <Select
            aria-label={t('timeline.filter')}
            data={KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind((v as Kind) ?? 'ALL')}
            allowDeselect={false}
            w={200}
          />
        </Group>
        <QueryState
          loading={loading}
          error={error}
          hasData={!!data}
          onRetry={() => void settled(refetch())}
        >
          {() =>
            entries.length === 0 ? (
              <Text c="dimmed">{t('timeline.empty')}</Text>
            ) : (
              <Stack
                gap={0}
                component="ol"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                data-testid="timeline"
              >
                {entries.map((e) => (
                  <li
                    key={e.id}
                    data-kind={e.kind}
                    style={{
                      borderBottom: '1px solid var(--mantine-color-gray-3)',
                      padding: '8px 0',
                    }}
                  >
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text fw={600} size="sm">
                        {e.title}
                        {e.merchant && (
                          <>
                            {lng.startsWith('zh') ? '：' : ': '}
                            <span data-free-text>{e.merchant}</span>
                          </>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(e.at, lng)}
                      </Text>
                    </Group>
                    {e.text && (
                      // What an agent typed (a note, a request's reason) is data, in the language
                      // it was written in; the API's own words (explanations, notices, statuses)
                      // are in the interface's language and checked as such.
                      <Text
                        size="sm"
                        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                        data-free-text={e.kind === 'NOTE' || e.kind === 'RECOVERY' ? '' : undefined}
                      >
                        {e.text}
                      </Text>
                    )}
                    <Group gap={6} mt={4} wrap="wrap">
                      {e.amount && (
                        <Text size="sm" fw={500}>
                          {formatMoney(e.amount, lng)}
                        </Text>
                      )}
                      {e.actorName && (
                        <Text size="xs" c="dimmed">
                          {t('timeline.by', { name: e.actorName })}
                        </Text>
                      )}
                      {e.tags.map((tag) => (
                        <Badge
                          key={tag}
                          size="sm"
                          variant="light"
                          color={
                            tag === 'COMPLAINT' ? 'red' : tag === 'HARDSHIP' ? 'yellow' : 'grape'
                          }
                        >
                          {t(`notes.tagNames.${tag}`)}
                        </Badge>
                      ))}
                      {e.ticketRef && (
                        <Text size="xs" ff="monospace">
                          {t('timeline.ticket', { ref: e.ticketRef })}
                        </Text>
                      )}
                      {e.decisionId && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setExplaining(e.decisionId)}
                        >
                          {t('timeline.explain')}
                        </Button>
                      )}
                      {e.recoveryRequestId && (
                        <Link to={paths.recovery(e.recoveryRequestId)} size="xs">
                          {t('recovery.detailTitle')}
                        </Link>
                      )}
                    </Group>
                  </li>
                ))}
              </Stack>
            )
          }
        </QueryState>
        {conn?.pageInfo.hasNextPage && <LoadMore loading={loading} onClick={loadMore} />}
      </Card>
      <ExplainModal decisionId={explaining} onClose={() => setExplaining(null)} />
    </Stack>
  );
}

function NoteForm({ customerId, onAdded }: { customerId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const userErrorText = useUserErrorText();
  const [body, setBody] = useDraft(`note:${customerId}`, '');
  const [tags, setTags] = useState<string[]>([]);
  const [ticketRef, setTicketRef] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const [add, { loading }] = useMutation(AddCustomerNoteMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    if (!body.trim()) {
      setProblem(t('userErrors.NOTE_BODY_REQUIRED'));
      return;
    }
    const res = await add({
      variables: {
        input: {
          customerId,
          body: body.trim(),
          tags: tags as (typeof TAGS)[number][],
          ticketRef: ticketRef.trim() || null,
        },
      },
    }).catch(() => null);
    const payload = res?.data?.addCustomerNote;
    if (!payload) {
      setProblem(t('errors.UNKNOWN'));
      return;
    }
    if (payload.userErrors.length) {
      setProblem(payload.userErrors.map(userErrorText).join(' '));
      return;
    }
    setProblem(null);
    setBody('');
    setTags([]);
    setTicketRef('');
    setAdded(true);
    onAdded();
  };
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="note-title">
      <form onSubmit={(e) => void settled(submit(e))} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4" id="note-title">
            {t('notes.title')}
          </Title>
          {added && (
            <Text size="sm" c="teal.9" role="status">
              {t('notes.added')}
            </Text>
          )}
          <Textarea
            label={t('notes.body')}
            description={t('notes.bodyHint')}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              setProblem(null);
            }}
            error={problem}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <Checkbox.Group label={t('notes.tags')} value={tags} onChange={setTags}>
            <Group gap="md" mt={4}>
              {TAGS.map((tag) => (
                <Checkbox key={tag} value={tag} label={t(`notes.tagNames.${tag}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('notes.ticketRef')}
              placeholder={t('notes.ticketHint')}
              value={ticketRef}
              onChange={(e) => setTicketRef(e.currentTarget.value)}
              maxLength={64}
              w={220}
            />
            <Button type="submit" loading={loading}>
              {t('notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** A past decision in words, and "copy as reply" in the language the customer writes in. */
function ExplainModal({ decisionId, onClose }: { decisionId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [replyIn, setReplyIn] = useState<'ZH_CN' | 'EN'>('ZH_CN');
  const [copied, setCopied] = useState(false);
  const { data, loading, error } = useQuery(DecisionExplanationQuery, {
    variables: { id: decisionId ?? '', locale: replyIn },
    skip: !decisionId,
  });
  const ex = data?.node?.__typename === 'LimitDecision' ? data.node.explanation : null;
  const greeting = replyIn === 'EN' ? 'Hello, about your credit line:' : '您好，关于您的额度：';
  const reply = ex
    ? [greeting, ex.headline, ...ex.reasons.map((r) => `• ${r.text}`)].join('\n')
    : '';
  return (
    <Modal
      opened={!!decisionId}
      onClose={() => {
        setCopied(false);
        onClose();
      }}
      title={t('timeline.explanationTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('app.closeDialog') }}
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('timeline.copyReplyIn')}
          value={replyIn}
          onChange={(v) => {
            setReplyIn(v as 'ZH_CN' | 'EN');
            setCopied(false);
          }}
          data={[
            { value: 'ZH_CN', label: '中文' },
            { value: 'EN', label: 'English' },
          ]}
        />
        <QueryState loading={loading} error={error} hasData={!!ex}>
          {() => (
            <div lang={replyIn === 'EN' ? 'en' : 'zh-CN'} data-testid="reply-text">
              <Text fw={600}>{ex!.headline}</Text>
              <List size="sm">
                {ex!.reasons.map((r) => (
                  <List.Item key={r.code}>{r.text}</List.Item>
                ))}
              </List>
            </div>
          )}
        </QueryState>
        {copied && (
          <Alert color="teal" variant="light" role="status">
            {t('timeline.copied')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            disabled={!reply}
            onClick={() =>
              void navigator.clipboard
                ?.writeText(reply)
                .then(() => setCopied(true))
                .catch(() => setCopied(false))
            }
          >
            {t('timeline.copyReply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
