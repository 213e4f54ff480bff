import { useTranslation } from 'react-i18next';

// The API's automatic review outcomes (RecoveryRequest.autoOutcome).
const KNOWN = ['APPROVE', 'NEED_DOCUMENTS', 'ROUTE_TO_SUPERVISOR', 'REJECT'];

/** The automatic review's outcome in words; an outcome this build does not know shows as its code. */
export function useAutoOutcome(): (outcome: string | null | undefined) => string {
  const { t } = useTranslation();
  return (outcome) =>
    !outcome ? '—' : KNOWN.includes(outcome) ? t(`recovery.autoOutcomes.${outcome}`) : outcome;
}
