import { useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import type { EvacuationRecord } from '../../../shared/contract';
import { formatClockSeconds } from '../../lib/time';
import { timer } from '../calls/time';
import type { RecordEntry } from './useEvacuation';

interface NotesSectionProps {
  record: EvacuationRecord;
  pending: boolean;
  onRecord: RecordEntry;
}

/** Time-stamped notes (allowed after the all clear too), and the whole timeline, newest first. */
export function NotesSection({ record: r, pending, onRecord }: NotesSectionProps) {
  const [text, setText] = useState('');
  async function add() {
    if (!text.trim()) return;
    if (await onRecord({ kind: 'note', text })) setText('');
  }
  return (
    <section className="coord-section timeline" aria-labelledby="timeline-title">
      <div className="coord-section-head">
        <h3 id="timeline-title">Notes and timeline</h3>
      </div>
      <form
        className="note-form"
        aria-label="Add a note"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField
          label="Note"
          value={text}
          onChange={setText}
          maxLength={2000}
          placeholder="What happened, as it happens (the time is added)"
          fieldClassName="field-grow"
        />
        <Button type="submit" disabled={pending || !text.trim()}>
          Add note
        </Button>
      </form>
      <ol className="timeline-list" reversed>
        {[...r.timeline].reverse().map((e) => (
          <li key={e.id} className={`tl-${e.kind}`}>
            <time dateTime={e.at}>{formatClockSeconds(new Date(e.at), r.branch.timeZone)}</time>
            <span className="tl-since">+{timer(Date.parse(e.at) - Date.parse(r.startedAt))}</span>
            <span className="tl-words">{e.words}</span>
            <span className="tl-by muted">{e.recordedBy.name}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
