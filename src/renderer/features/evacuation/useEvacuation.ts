import { useCallback } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import type { EvacuationRecord, InputOf } from '../../../shared/contract';

/** One evacuation as the coordinator sees it, reloaded whenever any console records something. */
export function useEvacuationRecord(id: string) {
  return useQuery('evacuations.get', { id }, { refetchOn: ['evacuation.changed'] });
}

export type EntryInput = InputOf<'evacuations.record'>['entry'];
/** Records one thing; resolves to the new record, or undefined when refused (the refusal is on screen). */
export type RecordEntry = (entry: EntryInput) => Promise<EvacuationRecord | undefined>;

/** Records one thing on the evacuation; the answer replaces the record on screen at once. */
export function useRecorder(id: string, onRecorded: (record: EvacuationRecord) => void) {
  const submit = useSubmit();
  const { run } = submit;
  const record = useCallback<RecordEntry>(
    (entry) =>
      run(() => call('evacuations.record', { id, entry })).then((r) => {
        if (r) onRecorded(r);
        return r;
      }),
    [id, run, onRecorded],
  );
  return { ...submit, record };
}
