/** Translation and error helpers shared by the workflow screens (keys under touming.wf, see ./messages). */
import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'ra-core';
import { errorCodeOf } from '../providers/graphqlClient';

export function useWf() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = useCallback((key: string, options?: Record<string, unknown>) => translate(`touming.wf.${key}`, options), [translate]);
  return { t, translate, locale };
}

/** the message to show for a failed workflow request; a stale hash gets the "look again" message */
export function failureMessage(error: unknown, t: (key: string) => string): string {
  if (errorCodeOf(error) === 'CONFLICT') return t('sign.conflict');
  return (error as Error | null)?.message || t('error');
}
