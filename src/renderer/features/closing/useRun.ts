import { call } from '../../lib/api';
import { useGrowingRecord } from '../../lib/useGrowingRecord';

/** One closing run, kept current (lib/useGrowingRecord.ts). */
export function useRun(runId: string) {
  const { record, ...rest } = useGrowingRecord(
    runId,
    (id) => call('closing.get', { runId: id }),
    'closing.changed',
    (p) => (p.runId === runId ? p.version : undefined),
  );
  return { run: record, ...rest };
}
