import { useTranslation } from 'react-i18next';

const KINDS = [
  'INITIAL',
  'PERIODIC_REVIEW',
  'TRIGGERED_REVIEW',
  'PROMOTION',
  'FREEZE',
  'UNFREEZE',
  'RECOVERY',
  'MANUAL',
];

/** A decision kind in words; an unknown kind from a newer API shows as its code. */
export function useDecisionKind(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (KINDS.includes(kind) ? t(`limit.kinds.${kind}`) : kind);
}
