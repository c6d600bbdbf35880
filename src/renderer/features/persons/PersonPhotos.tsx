import { useId, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import { formatClock, formatDay } from '../../lib/time';
import type { PersonDetail, PersonPhoto } from '../../../shared/contract';
import { readBase64 } from '../../lib/readFile';

/** Main refuses past this too; checking here spares reading a huge file only to be told no. */
const MAX_BYTES = 15 * 1024 * 1024;

interface PersonPhotosProps {
  person: PersonDetail;
  mediaBase: string;
  onChanged: (person: PersonDetail, message: string) => void;
}

/**
 * A person's pictures: from a picture file (main checks it is an image and strips
 * its metadata) or from a snapshot taken at this desk this shift. Taking one off the
 * record keeps the picture itself, as evidence.
 */
export function PersonPhotos({ person, mediaBase, onChanged }: PersonPhotosProps) {
  const fileId = useId();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<CallError | string | undefined>(undefined);
  const [snapshotsShown, setSnapshotsShown] = useState(false);
  const [removing, setRemoving] = useState<PersonPhoto | null>(null);
  const snapshots = useQuery('snapshots.list', {}, { enabled: snapshotsShown, refetchOn: ['snapshots.changed'] });

  async function attach(attachmentId: string, what: string) {
    const r = await call('persons.addPhoto', { personId: person.id, attachmentId });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChanged(r.value, `Added ${what} to ${person.name}’s record.`);
  }

  async function addFile(file: File) {
    if (file.size > MAX_BYTES) {
      setError(`${file.name}: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 15 MB.`);
      return;
    }
    setPending(file.name);
    try {
      const r = await call('attachments.addImage', { dataBase64: await readBase64(file) });
      if (!r.ok) setError(`${file.name}: ${r.error.message}`);
      else await attach(r.value.id, 'the picture');
    } catch {
      setError(`${file.name}: the file could not be read from this computer.`);
    }
    setPending(null);
  }

  async function remove(photo: PersonPhoto) {
    setRemoving(null);
    const r = await call('persons.removePhoto', { personId: person.id, attachmentId: photo.attachmentId });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChanged(r.value, `Took the picture off ${person.name}’s record (it is kept as evidence).`);
  }

  const onFile = new Set(person.photos.map((p) => p.attachmentId));
  const shots = (snapshots.value?.snapshots ?? []).filter((s) => !onFile.has(s.id));

  return (
    <section className="person-photos" aria-label={`Photos of ${person.name}`}>
      {person.photos.length === 0 ? (
        <p className="muted photo-none">No photo yet. A picture lets the desk recognise them at the door.</p>
      ) : (
        <ul className="photo-list">
          {[...person.photos].reverse().map((p, i) => (
            <li key={p.attachmentId} className="photo-item">
              <img
                src={`${mediaBase}/${p.path}`}
                alt={`Photo ${person.photos.length - i} of ${person.name}, added ${formatDay(new Date(p.addedAt))}`}
                loading="lazy"
              />
              <Button small variant="quiet" onClick={() => setRemoving(p)}>
                Remove<Unseen> photo {person.photos.length - i}</Unseen>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="photo-add">
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept="image/jpeg,image/png"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void addFile(file);
          }}
        />
        <label htmlFor={fileId} className="btn btn-secondary btn-small file-button">
          Add photo from a file
        </label>
        <Button small aria-expanded={snapshotsShown} onClick={() => setSnapshotsShown(!snapshotsShown)}>
          {snapshotsShown ? 'Hide this shift’s snapshots' : 'Add from a snapshot'}
        </Button>
        {pending && <span aria-live="polite">Adding {pending}…</span>}
      </div>
      <ErrorNotice error={error ?? snapshots.error} />
      {snapshotsShown && (
        <div className="snapshot-choice">
          {snapshots.loading && <p className="muted">Loading this shift’s snapshots…</p>}
          {!snapshots.loading && shots.length === 0 && (
            <p className="muted">No snapshots this shift. Press S on a camera to keep the picture on screen.</p>
          )}
          <ul className="photo-list">
            {shots.map((s) => {
              const at = formatClock(new Date(s.frameTime ?? s.takenAt));
              return (
                <li key={s.id} className="photo-item">
                  <button
                    type="button"
                    className="snapshot-pick"
                    onClick={() => void attach(s.id, `the snapshot from ${s.cameraName}`)}
                  >
                    <img src={`${snapshots.value?.mediaBase}/snapshots/${s.sha256}.png`} alt="" loading="lazy" />
                    <span>
                      Use {s.cameraName}, {at}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={`Take this picture off ${person.name}’s record?`}
          confirmLabel="Yes, take it off"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>The picture itself is kept as evidence (reports may show it); it no longer shows with this person.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
