import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import type { Option } from '../../components/Field';
import { Unseen } from '../../components/Unseen';
import { useQuery } from '../../lib/useQuery';
import { formatClockSeconds } from '../../lib/time';
import type { AttachmentMeta, Clip, DraftContent, ImageAttachment, Snapshot } from '../../../shared/contract';
import { AttachmentCard, pictureSize } from './Attachment';
import { ClipCard, clipWords } from './ClipCard';
import { ReplayFromReport } from '../replay/ReplayFromReport';
import { replayMoment } from '../replay/replay-time';
import { ImageFilePicker } from './ImageFilePicker';
import { DateTimeField, FormSection, groupError } from './formParts';

interface EvidenceEditorProps {
  content: DraftContent;
  set: (patch: Partial<DraftContent>) => void;
  errors: Record<string, string>;
  timeZone: string | undefined;
  /** Attachments already on a filed report (older than this shift's snapshots). */
  filed?: readonly AttachmentMeta[];
}

/** Camera references (camera and time range) and the snapshots and image files attached, each with its SHA-256. */
export function EvidenceEditor({ content, set, errors, timeZone, filed = [] }: EvidenceEditorProps) {
  const cameras = useQuery('cameras.list', {});
  const snapshots = useQuery('snapshots.list', {}, { refetchOn: ['snapshots.changed'] });
  const mediaBase = snapshots.value?.mediaBase ?? '';
  const shift = snapshots.value?.snapshots ?? [];
  const cameraOptions: Option<string>[] = (cameras.value?.cameras ?? []).map((c) => ({ value: c.id, label: c.name }));
  const cameraName = (id: string) => cameras.value?.cameras.find((c) => c.id === id)?.name ?? 'A camera';
  const e = (path: string) => errors[path];

  const refs = content.cameras;
  const setRef = (i: number, patch: Partial<DraftContent['cameras'][number]>) =>
    set({ cameras: refs.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  function addRef() {
    const first = cameraOptions[0];
    if (!first) return;
    const now = new Date();
    const from = new Date(now.getTime() - 2 * 60_000).toISOString();
    set({ cameras: [...refs, { cameraId: first.value, from, to: now.toISOString() }] });
  }

  const attached = content.attachmentIds;
  // Image files added here, and those of a reopened draft (looked up once by id): their pictures and sizes.
  const [photos, setPhotos] = useState<ReadonlyMap<string, ImageAttachment>>(new Map());
  // Clips cut on the wall (and a reopened draft's): their camera, range and poster, looked up once by id.
  const [clips, setClips] = useState<ReadonlyMap<string, Clip>>(new Map());
  const known = (id: string) =>
    photos.has(id) || clips.has(id) || shift.some((x) => x.id === id) || filed.some((x) => x.id === id);
  const unknownIds = snapshots.value ? attached.filter((id) => !known(id)) : [];
  const described = useQuery('attachments.describe', { ids: unknownIds }, { enabled: unknownIds.length > 0 });
  const cut = useQuery('replay.clips', { ids: unknownIds }, { enabled: unknownIds.length > 0 });
  const [cutSeen, setCutSeen] = useState(cut.value);
  if (cut.value !== cutSeen) {
    setCutSeen(cut.value);
    const found = cut.value?.clips ?? [];
    if (found.length) setClips((m) => new Map([...m, ...found.map((c) => [c.id, c] as const)]));
  }
  const clipOf = (id: string): { clip: AttachmentMeta; cameraName: string } | undefined => {
    const c = clips.get(id);
    if (c) return { clip: c, cameraName: c.cameraName };
    const f = filed.find((x) => x.id === id && x.kind === 'clip');
    return f && { clip: f, cameraName: f.cameraId ? cameraName(f.cameraId) : 'A camera' };
  };
  // Each answer is added to what is known (set while rendering, so the ids it names are not asked for again).
  const [added, setAdded] = useState(described.value);
  if (described.value !== added) {
    setAdded(described.value);
    const found = described.value?.attachments ?? [];
    if (found.length) setPhotos((m) => new Map([...m, ...found.map((a) => [a.id, a] as const)]));
  }

  // An upload finishes after the person may have typed elsewhere: attach to the form as it is then, not as it was.
  const latest = useRef({ attached, set });
  useLayoutEffect(() => {
    latest.current = { attached, set };
  });
  const addPhoto = (photo: ImageAttachment) => {
    setPhotos((m) => new Map([...m, [photo.id, photo]]));
    const now = latest.current;
    if (!now.attached.includes(photo.id)) now.set({ attachmentIds: [...now.attached, photo.id] });
  };

  type Words = { sha256: string; alt: string; caption: string; kind?: string; mediaType?: string };
  const describe = (id: string): Words | undefined => {
    const s = shift.find((x) => x.id === id);
    if (s) return snapshotWords(s, timeZone);
    const p = photos.get(id);
    if (p) return photoWords(p, timeZone);
    const f = filed.find((x) => x.id === id);
    if (!f) return undefined;
    if (f.kind === 'photo') {
      const when = formatClockSeconds(new Date(f.takenAt), timeZone);
      const size = pictureSize(f.width, f.height, f.bytes);
      return { ...f, alt: `Image file added at ${when}`, caption: `Image file, added ${when} · ${size}` };
    }
    const when = formatClockSeconds(new Date(f.frameTime ?? f.takenAt), timeZone);
    const where = f.cameraId ? cameraName(f.cameraId) : 'Attachment';
    return { sha256: f.sha256, alt: `${where} at ${when}`, caption: `${where}, ${when}` };
  };

  return (
    <FormSection title="Cameras, clips, snapshots and images">
      {refs.map((ref, i) => (
        <div key={i} className="camera-ref field-wide" role="group" aria-label={`Camera reference ${i + 1}`}>
          <SelectField
            label="Camera"
            value={ref.cameraId}
            options={
              cameraOptions.length > 0 ? cameraOptions : [{ value: ref.cameraId, label: cameraName(ref.cameraId) }]
            }
            onChange={(cameraId) => setRef(i, { cameraId })}
            error={e(`cameras.${i}.cameraId`)}
          />
          <DateTimeField
            label="Footage from"
            value={ref.from}
            timeZone={timeZone}
            onChange={(from) => from && setRef(i, { from })}
            error={e(`cameras.${i}.from`)}
          />
          <DateTimeField
            label="Footage to"
            value={ref.to}
            timeZone={timeZone}
            onChange={(to) => to && setRef(i, { to })}
            error={e(`cameras.${i}.to`)}
          />
          <ReplayFromReport
            cameraId={ref.cameraId}
            cameraName={cameraName(ref.cameraId)}
            from={replayMoment(ref, content.occurredFrom)}
            to={ref.to}
            timeZone={timeZone}
          />
          <Button small variant="quiet" onClick={() => set({ cameras: refs.filter((_, j) => j !== i) })}>
            Remove<Unseen> camera reference {i + 1}</Unseen>
          </Button>
        </div>
      ))}
      <div className="field-wide form-actions">
        <Button onClick={addRef} disabled={cameraOptions.length === 0}>
          Add camera reference
        </Button>
        {groupError(errors, 'cameras') && !refs.length && (
          <p className="field-error">{groupError(errors, 'cameras')}</p>
        )}
      </div>

      <div className="field-wide">
        <h4 className="subhead">Attached ({attached.length})</h4>
        {groupError(errors, 'attachmentIds') && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>
            {groupError(errors, 'attachmentIds')}
          </p>
        )}
        {attached.length === 0 && (
          <p className="muted">No clips, snapshots or images attached. Clips are cut in replay (R on a camera).</p>
        )}
        <ul className="attachment-list" aria-label="Attached">
          {attached.map((id) => {
            const clip = clipOf(id);
            const words = clip ? undefined : describe(id);
            const name = clip ? clipWords(clip.clip, clip.cameraName, timeZone) : words?.caption;
            return (
              <li key={id}>
                {clip ? (
                  <ClipCard clip={clip.clip} cameraName={clip.cameraName} mediaBase={mediaBase} timeZone={timeZone} />
                ) : words ? (
                  <AttachmentCard mediaBase={mediaBase} {...words} />
                ) : (
                  <p className="muted">An attachment</p>
                )}
                <Button small variant="quiet" onClick={() => set({ attachmentIds: attached.filter((a) => a !== id) })}>
                  Remove<Unseen> attachment {name}</Unseen>
                </Button>
              </li>
            );
          })}
        </ul>
      </div>

      <div className="field-wide">
        <ImageFilePicker onAdded={addPhoto} />
      </div>

      <div className="field-wide">
        <h4 className="subhead">Snapshots this shift</h4>
        {shift.filter((s) => !attached.includes(s.id)).length === 0 ? (
          <p className="muted">None to add. Press S on a camera to keep the picture on screen.</p>
        ) : (
          <ul className="attachment-list" aria-label="Snapshots this shift to attach">
            {shift
              .filter((s) => !attached.includes(s.id))
              .map((s) => {
                const words = snapshotWords(s, timeZone);
                return (
                  <li key={s.id}>
                    <AttachmentCard mediaBase={mediaBase} {...words} />
                    <Button small onClick={() => set({ attachmentIds: [...attached, s.id] })}>
                      Attach<Unseen> snapshot {words.caption}</Unseen>
                    </Button>
                  </li>
                );
              })}
          </ul>
        )}
      </div>
    </FormSection>
  );
}

function snapshotWords(s: Snapshot, timeZone: string | undefined) {
  const when = formatClockSeconds(new Date(s.frameTime ?? s.takenAt), timeZone);
  return { sha256: s.sha256, alt: `${s.cameraName} at ${when}`, caption: `${s.cameraName}, ${when}` };
}

function photoWords(p: ImageAttachment, timeZone: string | undefined) {
  const when = formatClockSeconds(new Date(p.addedAt), timeZone);
  const size = pictureSize(p.width, p.height, p.bytes);
  return {
    sha256: p.sha256,
    kind: p.kind,
    mediaType: p.mediaType,
    alt: `Image file added by ${p.addedByName} at ${when}`,
    caption: `Image file, added ${when} · ${size}`,
  };
}
