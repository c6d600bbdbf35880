import { call } from '../../lib/api';
import { useGrowingRecord } from '../../lib/useGrowingRecord';

/** One patrol round, kept current (lib/useGrowingRecord.ts). */
export function useRound(roundId: string) {
  const { record, ...rest } = useGrowingRecord(
    roundId,
    (id) => call('rounds.get', { roundId: id }),
    'rounds.changed',
    (p) => (p.roundId === roundId ? p.version : undefined),
  );
  return { round: record, ...rest };
}
