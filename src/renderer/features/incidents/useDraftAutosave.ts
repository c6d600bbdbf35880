import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { STORAGE_KEYS, readStored, removeStored, writeStored } from '../../lib/storage';
import type { Draft, DraftContent } from '../../../shared/contract';
import { mergeContent } from './draftContent';

/** Typing pauses this long before a save: short enough that a crash loses under a second. */
const SETTLE_MS = 600;
const RETRY_MS = 3_000;

export type SaveState =
  { kind: 'saved'; at: string } | { kind: 'saving' } | { kind: 'retrying'; reason: string } | { kind: 'gone' };

interface Backup {
  revision: number;
  content: DraftContent;
}

const backupKey = (id: string) => `${STORAGE_KEYS.draftBackup}${id}`;

/**
 * What the renderer last had typed, if main never saved it: kept only when it was typed
 * on the revision main still holds, so another window's newer save is not undone.
 */
export function recoverTyped(draft: Draft): DraftContent | undefined {
  const raw = readStored(backupKey(draft.id));
  if (!raw) return undefined;
  try {
    const backup = JSON.parse(raw) as Backup;
    if (backup.revision !== draft.revision) return undefined;
    return JSON.stringify(backup.content) === JSON.stringify(draft.content) ? undefined : backup.content;
  } catch {
    return undefined;
  }
}

export interface DraftAutosave {
  content: DraftContent;
  state: SaveState;
  /** Said once when another window changed this draft and the two were merged. */
  notice: string | undefined;
  change: (next: DraftContent) => void;
  /** Saves now; resolves true once main holds exactly what is on screen. */
  flush: () => Promise<boolean>;
}

interface SaverHooks {
  onState: (state: SaveState) => void;
  onContent: (content: DraftContent) => void;
  onNotice: (notice: string) => void;
}

/**
 * The saving machine of one draft, outside React so timers and retries see the
 * newest text without re-subscribing: one save at a time, in order.
 */
function createSaver(draft: Draft, recovered: DraftContent | undefined, hooks: SaverHooks) {
  const id = draft.id;
  let content = recovered ?? draft.content;
  let base = draft.content;
  let revision = draft.revision;
  let dirty = recovered !== undefined;
  let inFlight: Promise<boolean> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function saveOnce(): Promise<boolean> {
    if (!dirty) return true;
    const sending = content;
    dirty = false;
    hooks.onState({ kind: 'saving' });
    const r = await call('incidents.saveDraft', { id, revision, content: sending });
    if (r.ok) {
      revision = r.value.revision;
      base = sending;
      if (dirty) writeStored(backupKey(id), JSON.stringify({ revision, content }));
      else removeStored(backupKey(id));
      hooks.onState(dirty ? { kind: 'saving' } : { kind: 'saved', at: r.value.updatedAt });
      return !dirty;
    }
    dirty = true;
    if (r.error.code === 'CONFLICT') {
      const latest = await call('incidents.getDraft', { id });
      if (latest.ok) {
        content = mergeContent(content, base, latest.value.content);
        base = latest.value.content;
        revision = latest.value.revision;
        hooks.onContent(content);
        hooks.onNotice(
          'This draft was also changed in another window. Both sets of changes are kept here; check them before submitting.',
        );
        return saveOnce();
      }
    }
    if (r.error.code === 'NOT_FOUND') {
      hooks.onState({ kind: 'gone' });
      return false;
    }
    hooks.onState({ kind: 'retrying', reason: r.error.message });
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
    change(next: DraftContent) {
      content = next;
      dirty = true;
      hooks.onContent(next);
      hooks.onState({ kind: 'saving' });
      writeStored(backupKey(id), JSON.stringify({ revision, content: next }));
      clearTimeout(timer);
      timer = setTimeout(() => void save(), SETTLE_MS);
    },
    async flush(): Promise<boolean> {
      clearTimeout(timer);
      if (!dirty && !inFlight) return true;
      return save();
    },
    get dirty() {
      return dirty;
    },
  };
}

/**
 * A draft being typed: the text on screen is the truth, main gets it ~600 ms after
 * typing pauses, a failed save retries, and a save refused as stale merges with the
 * newer version instead of overwriting it.
 */
export function useDraftAutosave(draft: Draft, recovered: DraftContent | undefined): DraftAutosave {
  const [content, setContent] = useState<DraftContent>(recovered ?? draft.content);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: draft.updatedAt });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [saver] = useState(() =>
    createSaver(draft, recovered, {
      onState: (next) => setState((s) => (s.kind === 'gone' ? s : next)),
      onContent: setContent,
      onNotice: setNotice,
    }),
  );

  useEffect(() => {
    // A recovered draft goes back to main at once; a closed one takes its last keystrokes with it.
    if (saver.dirty) void saver.flush();
    const onHide = () => void saver.flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void saver.flush();
    };
  }, [saver]);

  const change = useCallback((next: DraftContent) => saver.change(next), [saver]);
  const flush = useCallback(() => saver.flush(), [saver]);
  return { content, state, notice, change, flush };
}
