import { useTranslation } from 'react-i18next';

/**
 * A payload's userError in the agent's language: the dashboard's own text for its code
 * (`userErrors.<CODE>`); for a code this build does not know, the API's sentence in English
 * and a general sentence in Chinese (the API writes English, which must not appear in 中文).
 */
export function useUserErrorText(): (e: { code: string; message: string }) => string {
  const { t, i18n } = useTranslation();
  return (e) =>
    t(`userErrors.${e.code}`, {
      defaultValue: i18n.language.startsWith('en') ? e.message : t('userErrors.fallback'),
    });
}
