/**
 * The supervising office's words for its own area, by the level of the signed-in user's region
 * (@touming/domain/regions levelWords): 全县/县级汇总 for a county office, 全市/市级汇总 for a city's.
 */
import { useGetIdentity } from 'react-admin';
import { levelWords, type LevelWords } from '@touming/domain/regions';
import type { ToumingIdentity } from '../providers/authProvider';

export function useLevelWords(): LevelWords {
  const identity = useGetIdentity().identity as ToumingIdentity | undefined;
  return levelWords(identity?.regionLevel);
}
