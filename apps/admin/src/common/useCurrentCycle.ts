import { useGetList } from 'react-admin';
import type { Cycle } from '../providers/types';

/** the cycle agencies are working on: the latest open one, else the latest */
export function pickCurrentCycle(cycles: Cycle[]): Cycle | null {
  const sorted = [...cycles].sort((a, b) => b.year - a.year);
  return sorted.find((c) => c.open) ?? sorted[0] ?? null;
}

export function useCurrentCycle() {
  const { data, isPending, error } = useGetList<Cycle>('cycles', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } });
  return { cycle: data ? pickCurrentCycle(data) : null, cycles: data ?? [], isPending, error };
}
