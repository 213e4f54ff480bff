import { useTranslation } from 'react-i18next';

const KNOWN = ['ROUTED_TO_SUPERVISOR', 'AUTO_APPROVED', 'AUTO_REJECTED'];

/** The automatic review's outcome in words; an outcome this build does not know shows as its code. */
export function useAutoOutcome(): (outcome: string | null | undefined) => string {
  const { t } = useTranslation();
  return (outcome) =>
    !outcome ? '—' : KNOWN.includes(outcome) ? t(`recovery.autoOutcomes.${outcome}`) : outcome;
}
