import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import type { EntryDraft, EntryDraftContent, EntryKind, EntryLink } from '../../../shared/contract';
import type { SaveState } from '../incidents/useDraftAutosave';

/** Typing pauses this long before main gets it: a crash loses under a second. */
const SETTLE_MS = 600;
const RETRY_MS = 3_000;

/** What the form holds: the draft's fields, links with the words they are shown by. */
export interface EntryWork {
  kind: EntryKind;
  text: string;
  fromName: string;
  callbackNumber: string;
  callbackNeeded: boolean;
  links: EntryLink[];
}

export const EMPTY_WORK: EntryWork = {
  kind: 'note',
  text: '',
  fromName: '',
  callbackNumber: '',
  callbackNeeded: false,
  links: [],
};

/** Nothing worth keeping: no words and no links (a kind alone is not an entry). */
export const isBlank = (w: EntryWork) => !w.text && !w.fromName && !w.callbackNumber && w.links.length === 0;

const contentOf = (w: EntryWork): EntryDraftContent => ({
  kind: w.kind,
  text: w.text,
  fromName: w.fromName,
  callbackNumber: w.callbackNumber,
  callbackNeeded: w.callbackNeeded,
  links: w.links.map((l) => ({ kind: l.kind, id: l.id })),
});

const workOf = (d: EntryDraft): EntryWork => ({ ...d.content, links: d.links });

/** Another console's newer save met this one's typing: each field as whichever side changed it. */
function merge(mine: EntryWork, base: EntryWork, theirs: EntryWork): EntryWork {
  const pick = <K extends keyof EntryWork>(k: K): EntryWork[K] =>
    JSON.stringify(mine[k]) !== JSON.stringify(base[k]) ? mine[k] : theirs[k];
  return {
    kind: pick('kind'),
    text: pick('text'),
    fromName: pick('fromName'),
    callbackNumber: pick('callbackNumber'),
    callbackNeeded: pick('callbackNeeded'),
    links: pick('links'),
  };
}

interface Hooks {
  onState: (s: SaveState | null) => void;
  onWork: (w: EntryWork) => void;
  onNotice: (n: string) => void;
}

/**
 * The saving machine of the entry being written, outside React so timers see the newest
 * text: one save at a time, in order. A blank entry is thrown away rather than saved.
 * `reset` (the entry was added, main deleted the draft) starts a new epoch: an answer
 * to a save sent before it changes nothing.
 */
function createSaver(start: EntryDraft | null, carried: EntryWork | undefined, hooks: Hooks) {
  let base = start ? workOf(start) : EMPTY_WORK;
  let work = carried ?? base;
  let revision = start?.revision ?? 0;
  let dirty = carried !== undefined;
  let epoch = 0;
  let inFlight: Promise<boolean> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function saveOnce(): Promise<boolean> {
    if (!dirty) return true;
    const sending = work;
    const mine = epoch;
    dirty = false;
    hooks.onState({ kind: 'saving' });
    if (isBlank(sending)) {
      if (revision > 0) {
        const r = await call('shifts.discardDraft', {});
        if (mine !== epoch) return true;
        if (!r.ok) return retry(r.error.message);
        revision = 0;
      }
      base = sending;
      hooks.onState(dirty ? { kind: 'saving' } : null);
      return !dirty;
    }
    const r = await call('shifts.saveDraft', { revision, content: contentOf(sending) });
    if (mine !== epoch) return true;
    if (r.ok) {
      revision = r.value.revision;
      base = sending;
      hooks.onState(dirty ? { kind: 'saving' } : { kind: 'saved', at: r.value.updatedAt });
      return !dirty;
    }
    dirty = true;
    if (r.error.code === 'NOT_FOUND') {
      // Added or thrown away on another console while this one was being typed in: what is here starts anew.
      revision = 0;
      return saveOnce();
    }
    if (r.error.code === 'CONFLICT') {
      const latest = await call('shifts.draft', {});
      if (mine !== epoch) return true;
      if (latest.ok) {
        const theirs = latest.value ? workOf(latest.value) : EMPTY_WORK;
        work = merge(work, base, theirs);
        base = theirs;
        revision = latest.value?.revision ?? 0;
        hooks.onWork(work);
        hooks.onNotice(
          'This entry was also changed on another console. Both sets of changes are kept here: check it before adding it.',
        );
        return saveOnce();
      }
    }
    return retry(r.error.message);
  }

  function retry(reason: string): false {
    dirty = true;
    hooks.onState({ kind: 'retrying', reason });
    clearTimeout(timer);
    timer = setTimeout(() => void save(), RETRY_MS);
    return false;
  }

  async function save(): Promise<boolean> {
    while (inFlight) await inFlight;
    inFlight = saveOnce();
    try {
      return await inFlight;
    } finally {
      inFlight = null;
    }
  }

  return {
    /** What is on screen (the saver's copy is the truth between renders). */
    get current() {
      return work;
    },
    change(next: EntryWork) {
      work = next;
      dirty = true;
      hooks.onWork(next);
      hooks.onState({ kind: 'saving' });
      clearTimeout(timer);
      timer = setTimeout(() => void save(), SETTLE_MS);
    },
    get dirty() {
      return dirty;
    },
    flush(): Promise<boolean> {
      clearTimeout(timer);
      if (!dirty && !inFlight) return Promise.resolve(true);
      return save();
    },
    /** Main holds no draft now (the entry was added): start again from `next`, not saved until typed in. */
    reset(next: EntryWork) {
      epoch += 1;
      clearTimeout(timer);
      work = next;
      base = next;
      revision = 0;
      dirty = false;
      hooks.onWork(next);
      hooks.onState(null);
    },
  };
}

export interface EntryDraftHandle {
  work: EntryWork;
  /** null: nothing to keep yet. */
  state: SaveState | null;
  notice: string | undefined;
  change: (next: Partial<EntryWork>) => void;
  flush: () => Promise<boolean>;
  reset: (next: EntryWork) => void;
}

/**
 * The log entry being written, kept in main (shifts.saveDraft) ~600 ms after typing
 * pauses and when the page goes away, so a crash, a lock, a reload or another console
 * finds it where it was left.
 */
export function useEntryDraft(start: EntryDraft | null, carried?: EntryWork): EntryDraftHandle {
  const [work, setWork] = useState<EntryWork>(() => carried ?? (start ? workOf(start) : EMPTY_WORK));
  const [state, setState] = useState<SaveState | null>(start ? { kind: 'saved', at: start.updatedAt } : null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [saver] = useState(() =>
    createSaver(start, carried, { onState: setState, onWork: setWork, onNotice: setNotice }),
  );

  useEffect(() => {
    // Work carried from this console goes to main at once.
    if (saver.dirty) void saver.flush();
    const onHide = () => void saver.flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void saver.flush();
    };
  }, [saver]);

  const change = useCallback(
    (next: Partial<EntryWork>) => {
      setNotice(undefined);
      saver.change({ ...saver.current, ...next });
    },
    [saver],
  );
  const flush = useCallback(() => saver.flush(), [saver]);
  const reset = useCallback((next: EntryWork) => saver.reset(next), [saver]);
  return { work, state, notice, change, flush, reset };
}
