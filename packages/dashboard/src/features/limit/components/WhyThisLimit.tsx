import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LimitExplanationQuery } from '../graphql/limit.graphql';
import { QueryState } from '../../../components/states';
import { apiLocale } from '../../../i18n';
import { formatMoney } from '../../../format/money';
import { formatDate } from '../../../format/date';
import { useDecisionKind } from '../hooks/useDecisionKind';
import { settled } from '../../../apollo/settled';

/**
 * "Why this limit?": the latest decision in plain words (written by the API in the agent's
 * language) and what the customer could do to raise it.
 */
export function WhyThisLimit({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const kindText = useDecisionKind();
  const { data, loading, error, refetch } = useQuery(LimitExplanationQuery, {
    variables: { id: customerId, locale: apiLocale(i18n.language) },
  });
  const explanation = data?.customer?.account?.explanation;

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="why-title"
      data-testid="why-this-limit"
    >
      <Title order={2} size="h4" id="why-title" mb="sm">
        {t('limit.whyTitle')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          !explanation ? (
            <Text c="dimmed">{t('limit.noExplanation')}</Text>
          ) : (
            <Stack gap="sm">
              <Text fw={600} data-testid="explanation-headline">
                {explanation.headline}
              </Text>
              {explanation.decision && (
                <Text size="sm" c="dimmed">
                  {t('limit.decidedAt', {
                    kind: kindText(explanation.decision.kind),
                    date: formatDate(explanation.decision.createdAt, i18n.language),
                  })}
                </Text>
              )}
              <div>
                <Title order={3} size="h6" mb={4}>
                  {t('limit.reasons')}
                </Title>
                <List type="ordered" spacing={4} size="sm">
                  {explanation.reasons.map((r) => (
                    <List.Item key={r.code}>{r.text}</List.Item>
                  ))}
                </List>
              </div>
              {explanation.repaymentHint && (
                <Alert
                  color="orange"
                  variant="light"
                  title={t('limit.payFirst')}
                  data-testid="repayment-hint"
                >
                  {explanation.repaymentHint}
                </Alert>
              )}
              <div>
                <Title order={3} size="h6" mb={4}>
                  {t('limit.improvements')}
                </Title>
                {explanation.improvements.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('limit.noImprovements')}
                  </Text>
                ) : (
                  <List spacing={4} size="sm">
                    {explanation.improvements.map((imp) => (
                      <List.Item key={imp.feature}>
                        <Group gap="xs" wrap="wrap">
                          <span>{imp.text}</span>
                          {imp.limitEffect && (
                            <Badge variant="outline" color="teal.9">
                              {t('limit.effect', {
                                amount: formatMoney(imp.limitEffect, i18n.language),
                              })}
                            </Badge>
                          )}
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                )}
              </div>
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
