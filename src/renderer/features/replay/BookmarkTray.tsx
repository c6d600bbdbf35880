import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { formatClockSeconds } from '../../lib/time';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { CallError } from '../../lib/api';
import type { Bookmark } from '../../../shared/contract';

interface BookmarkTrayProps {
  timeZoneOf: (cameraId: string) => string | undefined;
  /** A bookmark just made (B): its note field opens, focused, so the note is typed at once. */
  noteFor: { id: string; seq: number } | undefined;
  onReplay: (bookmark: Bookmark) => void;
  onReport: (bookmark: Bookmark) => void;
  /** Where the keyboard goes back to after a note (the tile B was pressed on). */
  onNoteDone: () => void;
}

/**
 * This shift's bookmarks, beside the snapshots: a camera and moment, its note and who
 * marked it. Each opens replay at its moment or starts a report from it.
 */
export function BookmarkTray({ timeZoneOf, noteFor, onReplay, onReport, onNoteDone }: BookmarkTrayProps) {
  const list = useQuery('bookmarks.list', {}, { refetchOn: ['bookmarks.changed'] });
  const [open, setOpen] = useState(true);
  const [editing, setEditing] = useState<string | null>(null);
  const [seen, setSeen] = useState<number | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  if (noteFor && noteFor.seq !== seen) {
    setSeen(noteFor.seq);
    setEditing(noteFor.id);
    setOpen(true);
  }
  const bookmarks = list.value ?? [];

  async function remove(b: Bookmark) {
    const r = await call('bookmarks.remove', { id: b.id });
    if (r.ok) list.reload();
    setError(r.ok ? undefined : r.error);
  }

  return (
    <section className="snapshot-tray bookmark-tray" aria-labelledby="bookmark-tray-title">
      <div className="tray-head">
        <h3 id="bookmark-tray-title" className="tray-title">
          Bookmarks this shift
        </h3>
        <span className="muted">{bookmarks.length === 0 ? 'None yet' : `${bookmarks.length} marked`}</span>
        <Button small variant="quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide bookmarks' : 'Show bookmarks'}
        </Button>
      </div>
      <ErrorNotice error={error ?? list.error} />
      {open && bookmarks.length === 0 && !list.error && (
        <p className="muted tray-empty">Press B on a camera, live or in replay, to mark the moment.</p>
      )}
      {open && bookmarks.length > 0 && (
        <ul className="tray-list">
          {bookmarks.map((b) => (
            <BookmarkCard
              key={b.id}
              bookmark={b}
              timeZone={timeZoneOf(b.cameraId)}
              editing={editing === b.id}
              onEdit={() => setEditing(b.id)}
              onDone={(saved) => {
                setEditing(null);
                if (saved) list.reload();
                if (noteFor?.id === b.id) onNoteDone();
              }}
              onError={setError}
              onReplay={() => onReplay(b)}
              onReport={() => onReport(b)}
              onRemove={() => void remove(b)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface CardProps {
  bookmark: Bookmark;
  timeZone: string | undefined;
  editing: boolean;
  onEdit: () => void;
  onDone: (saved: boolean) => void;
  onError: (e: CallError | undefined) => void;
  onReplay: () => void;
  onReport: () => void;
  onRemove: () => void;
}

function BookmarkCard({
  bookmark: b,
  timeZone,
  editing,
  onEdit,
  onDone,
  onError,
  onReplay,
  onReport,
  onRemove,
}: CardProps) {
  const time = formatClockSeconds(new Date(b.at), timeZone);
  const [note, setNote] = useState(b.note);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);

  async function save() {
    setSaving(true);
    const r = await call('bookmarks.update', { id: b.id, note });
    setSaving(false);
    onError(r.ok ? undefined : r.error);
    if (r.ok) onDone(true);
  }

  const label = `${b.cameraName} ${time}`;
  return (
    <li className="tray-card bookmark-card">
      <div className="tray-facts">
        <span className="tray-camera">{b.cameraName}</span>
        <span className="tray-when">
          <time dateTime={b.at}>{time}</time>
          <span className="muted"> · {b.createdByName}</span>
        </span>
        {editing ? (
          <form
            className="bookmark-note-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label className="visually-hidden" htmlFor={`note-${b.id}`}>
              Note for the bookmark {label}
            </label>
            <input
              id={`note-${b.id}`}
              ref={inputRef}
              value={note}
              maxLength={500}
              placeholder="What happened (optional)"
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.preventDefault();
                e.stopPropagation();
                setNote(b.note);
                onDone(false);
              }}
            />
            <Button small type="submit" variant="primary" disabled={saving}>
              Save note
            </Button>
          </form>
        ) : (
          <span className={b.note ? 'bookmark-note' : 'bookmark-note muted'}>{b.note || 'No note'}</span>
        )}
        <span className="bookmark-actions">
          <Button
            small
            onClick={onReplay}
            disabled={!b.inBuffer}
            title={b.inBuffer ? 'Replay this moment' : 'This moment is no longer kept in the camera’s buffer'}
          >
            Replay<Unseen> {label}</Unseen>
          </Button>
          <Button small onClick={onReport} title="Start a report from this moment">
            Report<Unseen> from {label}</Unseen>
          </Button>
          {!editing && (
            <Button small variant="quiet" onClick={onEdit}>
              Note<Unseen> for {label}</Unseen>
            </Button>
          )}
          <Button small variant="quiet" onClick={onRemove}>
            Remove<Unseen> bookmark {label}</Unseen>
          </Button>
        </span>
      </div>
    </li>
  );
}
