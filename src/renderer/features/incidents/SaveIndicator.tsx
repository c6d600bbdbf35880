import { formatClockSeconds } from '../../lib/time';
import type { SaveState } from './useDraftAutosave';

/** Whether main holds what is on screen, in a few calm words. */
export function SaveIndicator({ state }: { state: SaveState }) {
  let words: string;
  let tone = 'save-ok';
  if (state.kind === 'saved') words = `Saved ${formatClockSeconds(new Date(state.at))}`;
  else if (state.kind === 'saving') words = 'Saving…';
  else if (state.kind === 'retrying') {
    words = 'Not saved — retrying';
    tone = 'save-warn';
  } else {
    words = 'Not saved — this draft is no longer on file';
    tone = 'save-warn';
  }
  return (
    <p
      role="status"
      className={`save-indicator ${tone}`}
      title={state.kind === 'retrying' ? `${state.reason} Your text stays here while it retries.` : undefined}
    >
      {words}
    </p>
  );
}
