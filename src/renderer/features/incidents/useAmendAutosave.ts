import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { STORAGE_KEYS, readStored, removeStored, writeStored } from '../../lib/storage';
import type { AmendmentDraft, DraftContent, IncidentRecord } from '../../../shared/contract';
import { mergeContent } from './draftContent';
import type { SaveState } from './useDraftAutosave';

const SETTLE_MS = 600;
const RETRY_MS = 3_000;

export interface AmendWork {
  reason: string;
  content: DraftContent;
}

interface Backup extends AmendWork {
  baseVersion: number;
  revision: number;
}

const backupKey = (incidentId: string) => `${STORAGE_KEYS.amendBackup}${incidentId}`;

function readBackup(incidentId: string): Backup | undefined {
  try {
    const raw = readStored(backupKey(incidentId));
    return raw ? (JSON.parse(raw) as Backup) : undefined;
  } catch {
    return undefined;
  }
}

export interface AmendStart {
  work: AmendWork;
  revision: number;
  /** Not yet in main: saved at once. */
  dirty: boolean;
  /** Main holds one begun on an older version: it is replaced by this one at the first save. */
  replace: boolean;
  notice: string | undefined;
}

/**
 * Where an amendment starts: the one saved in main (or what this window typed after its
 * last save, from its backup), carried onto the report's current version when someone
 * amended it meanwhile (their changes kept, ours on top), or the report as filed.
 */
export function resumeAmendment(record: IncidentRecord, saved: AmendmentDraft | null): AmendStart {
  const backup = readBackup(record.id);
  let mine: { work: AmendWork; baseVersion: number; base: DraftContent; revision: number; dirty: boolean } | null =
    null;
  if (saved) {
    const newer =
      backup?.baseVersion === saved.baseVersion &&
      backup.revision === saved.revision &&
      (backup.reason !== saved.reason || JSON.stringify(backup.content) !== JSON.stringify(saved.content));
    const from = newer ? backup : saved;
    mine = {
      work: { reason: from.reason, content: from.content },
      baseVersion: saved.baseVersion,
      base: saved.baseContent,
      revision: saved.revision,
      dirty: Boolean(newer),
    };
  } else if (backup?.baseVersion === record.version) {
    mine = {
      work: { reason: backup.reason, content: backup.content },
      baseVersion: record.version,
      base: record.content,
      revision: 0,
      dirty: true,
    };
  }
  if (!mine)
    return {
      work: { reason: '', content: record.content },
      revision: 0,
      dirty: false,
      replace: false,
      notice: undefined,
    };
  if (mine.baseVersion === record.version) return { ...mine, replace: false, notice: undefined };
  return {
    work: { reason: mine.work.reason, content: mergeContent(mine.work.content, mine.base, record.content) },
    revision: 0,
    dirty: true,
    replace: saved !== null,
    notice: `${record.number} was amended by someone else since you began (it is now version ${record.version}). Your changes are kept on top of theirs; check them before saving.`,
  };
}

/**
 * An amendment being typed, saved as a draft is: ~600 ms after typing pauses to main
 * (incidents.saveAmendDraft), and at once to this window's storage, so a crash or a
 * closed window loses nothing; a refused save retries.
 */
export function useAmendAutosave(record: IncidentRecord, start: AmendStart) {
  const [work, setWork] = useState<AmendWork>(start.work);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: record.updatedAt });
  const s = useRef({
    revision: start.revision,
    dirty: start.dirty,
    work: start.work,
    replace: start.replace,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    inFlight: null as Promise<boolean> | null,
  });

  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  const saveOnce = useCallback(async (): Promise<boolean> => {
    const st = s.current;
    if (!st.dirty) return true;
    const sending = st.work;
    st.dirty = false;
    setState({ kind: 'saving' });
    if (st.replace) {
      // The saved amendment was begun on an older version: it is begun again on this one.
      await call('incidents.discardAmendDraft', { id: record.id });
      st.replace = false;
      st.revision = 0;
    }
    const r = await call('incidents.saveAmendDraft', {
      id: record.id,
      baseVersion: record.version,
      revision: st.revision,
      reason: sending.reason,
      content: sending.content,
    });
    if (r.ok) {
      st.revision = r.value.revision;
      if (!st.dirty) removeStored(backupKey(record.id));
      setState(st.dirty ? { kind: 'saving' } : { kind: 'saved', at: r.value.updatedAt });
      return !st.dirty;
    }
    st.dirty = true;
    if (r.error.code === 'CONFLICT' && st.revision > 0) {
      const latest = await call('incidents.getAmendDraft', { id: record.id });
      if (latest.ok && latest.value) st.revision = latest.value.revision;
    }
    setState({ kind: 'retrying', reason: r.error.message });
    clearTimeout(st.timer);
    // The retry goes through save (declared below), so it waits for any save in flight.
    st.timer = setTimeout(() => void saveRef.current(), RETRY_MS);
    return false;
  }, [record.id, record.version]);

  const save = useCallback(async (): Promise<boolean> => {
    const st = s.current;
    while (st.inFlight) await st.inFlight;
    st.inFlight = saveOnce();
    try {
      return await st.inFlight;
    } finally {
      st.inFlight = null;
    }
  }, [saveOnce]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const change = useCallback(
    (next: AmendWork) => {
      const st = s.current;
      st.work = next;
      st.dirty = true;
      setWork(next);
      setState({ kind: 'saving' });
      writeStored(
        backupKey(record.id),
        JSON.stringify({ ...next, baseVersion: record.version, revision: st.revision }),
      );
      clearTimeout(st.timer);
      st.timer = setTimeout(() => void save(), SETTLE_MS);
    },
    [record.id, record.version, save],
  );

  const flush = useCallback(() => {
    clearTimeout(s.current.timer);
    return save();
  }, [save]);

  /** The amendment was filed or thrown away: nothing is kept of it here. */
  const forget = useCallback(() => {
    clearTimeout(s.current.timer);
    s.current.dirty = false;
    removeStored(backupKey(record.id));
  }, [record.id]);

  useEffect(() => {
    const st = s.current;
    if (st.dirty) void save();
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      clearTimeout(st.timer);
      void save();
    };
  }, [save]);

  return { work, state, change, flush, forget };
}
