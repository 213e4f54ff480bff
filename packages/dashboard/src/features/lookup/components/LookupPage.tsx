import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomerSearchQuery } from '../graphql/lookup.graphql';
import { useDebouncedValue } from '@mantine/hooks';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../components/states';
import { paths, useRouter } from '../../../app/router';
import { AccountStatusBadge } from '../../customer/components/AccountStatusBadge';
import { AccountOverviewQuery, CustomerHeaderQuery } from '../../customer/graphql/customer.graphql';
import { LimitExplanationQuery } from '../../limit/graphql/limit.graphql';
import { apiLocale } from '../../../i18n';
import { settled } from '../../../apollo/settled';

const MIN_LENGTH = 2;
const PAGE_SIZE = 20;

/**
 * One search box for phone, national ID, name or account number. The input is a combobox:
 * ↑/↓ move through the results, Enter opens the highlighted customer, Escape clears.
 */
export function LookupPage({ initialSearch = '' }: { initialSearch?: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [text, setText] = useState(initialSearch);
  const [active, setActive] = useState(0);
  const [search] = useDebouncedValue(text.trim(), 250);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // One Chinese character (a surname) already narrows a search; Latin text and digits need two.
  const enabled = search.length >= MIN_LENGTH || /[\u3400-\u9fff]/.test(search);

  const { data, loading, error, refetch, fetchMore } = useQuery(CustomerSearchQuery, {
    variables: { search, first: PAGE_SIZE },
    skip: !enabled,
    fetchPolicy: 'cache-first',
  });
  const results = enabled ? (data?.customers.edges.map((e) => e.node) ?? []) : [];

  useEffect(() => setActive(0), [search]);

  // Warm the cache for the highlighted customer, so that Enter shows the page and its
  // "Why this limit?" at once instead of after a round trip.
  const client = useApolloClient();
  const { i18n } = useTranslation();
  const activeId = results[active]?.id;
  useEffect(() => {
    if (!activeId) return;
    const id = setTimeout(
      () => {
        const variables = { id: activeId };
        for (const query of [CustomerHeaderQuery, AccountOverviewQuery])
          void client
            .query({ query, variables, fetchPolicy: 'cache-first' })
            .catch(() => undefined);
        void client
          .query({
            query: LimitExplanationQuery,
            variables: { ...variables, locale: apiLocale(i18n.language) },
            fetchPolicy: 'cache-first',
          })
          .catch(() => undefined);
      },
      active === 0 ? 0 : 100,
    ); // the first result at once; others once the arrows rest
    return () => clearTimeout(id);
  }, [activeId, active, client, i18n.language]);
  useEffect(() => inputRef.current?.focus(), []);

  const open = (id: string) => {
    // Keep the search in the URL so Back returns to the same results.
    window.history.replaceState(null, '', paths.lookup(text.trim()));
    navigate(paths.customer(id));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, Math.max(results.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = results[active];
      if (pick) open(pick.id);
    } else if (e.key === 'Escape') {
      setText('');
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const showList = enabled && results.length > 0;

  return (
    <Stack gap="md" maw={880}>
      <Title order={1} size="h2">
        {t('lookup.title')}
      </Title>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextInput
          ref={inputRef}
          size="md"
          label={t('lookup.label')}
          description={t('lookup.hint')}
          placeholder={t('lookup.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
      <section aria-label={t('lookup.results')}>
        {enabled && error && <ErrorState error={error} onRetry={() => void settled(refetch())} />}
        {enabled && !error && loading && !data && <LoadingState />}
        {enabled && !error && data && results.length === 0 && (
          <EmptyState>{t('lookup.noResults', { search })}</EmptyState>
        )}
        {showList && (
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {(data?.customers.totalCount ?? results.length) > results.length
              ? t('lookup.countOf', {
                  count: data?.customers.totalCount ?? results.length,
                  shown: results.length,
                })
              : t('lookup.count', { count: data?.customers.totalCount ?? results.length })}
          </Text>
        )}
        <Stack
          gap={6}
          id={listId}
          role="listbox"
          aria-label={t('lookup.results')}
          hidden={!showList}
        >
          {results.map((c, i) => (
            <Card
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              withBorder
              padding="sm"
              radius="sm"
              data-active={i === active || undefined}
              className="lookup-option"
              onMouseEnter={() => setActive(i)}
              /* Keyboard users pick through the combobox; the mouse clicks an option. */
              onClick={() => open(c.id)}
              style={{ cursor: 'pointer' }}
            >
              <div>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0}>
                    <Text fw={600}>{c.name}</Text>
                    <Text size="sm" c="dimmed" ff="monospace">
                      {c.maskedPhone} · {c.maskedNationalId}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    {c.account ? (
                      <>
                        <Text size="sm" ff="monospace">
                          {c.account.accountNumber}
                        </Text>
                        <AccountStatusBadge status={c.account.status} />
                      </>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('lookup.noAccount')}
                      </Badge>
                    )}
                  </Group>
                </Group>
              </div>
            </Card>
          ))}
        </Stack>
        {showList && data?.customers.pageInfo.hasNextPage && (
          <LoadMore
            loading={loading}
            onClick={() =>
              void settled(
                fetchMore({
                  variables: { after: data.customers.pageInfo.endCursor },
                  updateQuery: (prev, { fetchMoreResult }) => ({
                    ...fetchMoreResult,
                    customers: {
                      ...fetchMoreResult.customers,
                      edges: [...prev.customers.edges, ...fetchMoreResult.customers.edges],
                    },
                  }),
                }),
              )
            }
          />
        )}
      </section>
    </Stack>
  );
}
