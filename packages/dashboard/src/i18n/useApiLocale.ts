import { useTranslation } from 'react-i18next';
import { apiLocale } from './index';

/** The GraphQL `Locale` of the agent's language; a query using it refetches on a switch. */
export function useApiLocale(): 'ZH_CN' | 'EN' {
  const { i18n } = useTranslation();
  return apiLocale(i18n.language);
}
