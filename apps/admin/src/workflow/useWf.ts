/** Translation and error helpers shared by the workflow screens (keys under touming.wf, see ./messages). */
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'ra-core';
import { errorCodeOf, request, type Operation } from '../providers/graphqlClient';

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

/** one query, re-run when `key` changes; loading and error states for the screens */
export function useQueryOnce<TData, TVariables>(op: Operation<TData, TVariables>, variables: TVariables, key: unknown[]) {
  const [data, setData] = useState<TData | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    request(op, variables, { signal: controller.signal })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: Error) => {
        if (e?.name !== 'AbortError') setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...key, tick]);
  const refetch = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, refetch, setData };
}
