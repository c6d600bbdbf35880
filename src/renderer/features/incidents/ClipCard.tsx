import { useEffect, useState } from 'react';
import { formatClockSeconds } from '../../lib/time';
import { useEvent } from '../../lib/useEvent';
import { Unseen } from '../../components/Unseen';
import type { AttachmentMeta } from '../../../shared/contract';
import { lengthWords } from '../replay/replay-time';

interface ClipCardProps {
  clip: AttachmentMeta;
  cameraName: string;
  mediaBase: string;
  timeZone: string | undefined;
}

/** "Main - Lobby, 19:42:05–19:42:25 (20 s)": a clip as a list names it. */
export function clipWords(clip: AttachmentMeta, cameraName: string, timeZone: string | undefined): string {
  const from = clip.frameTime ?? clip.takenAt;
  const to = clip.clip?.to ?? from;
  const clock = (iso: string) => formatClockSeconds(new Date(iso), timeZone);
  return `${cameraName}, ${clock(from)}–${clock(to)} (${lengthWords(clip.clip?.durationMs ?? 0)})`;
}

/** Tries of a poster not made yet, and the wait before each: it is usually there within a second of the clip. */
const POSTER_RETRIES_MS = [700, 1_500, 3_000, 6_000];

/**
 * A clip's poster frame, by the clip's own hash: main makes it just after the clip is
 * kept, so a clip just cut may show "Poster frame coming…" for a moment. Loaded again
 * when main says it is there (clip.poster), or after a short wait, a few times.
 */
function usePoster(clip: AttachmentMeta, mediaBase: string) {
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<number | null>(null);
  const waiting = failed !== null && failed === attempt && attempt < POSTER_RETRIES_MS.length;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setAttempt((a) => a + 1), POSTER_RETRIES_MS[attempt]);
    return () => clearTimeout(timer);
  }, [waiting, attempt]);
  useEvent('clip.poster', ({ clipId }) => {
    if (clipId === clip.id && failed !== null) setAttempt((a) => a + 1);
  });
  return {
    src: `${mediaBase}/clips/${clip.sha256}.jpg${attempt ? `?try=${attempt}` : ''}`,
    shown: failed === null || failed < attempt,
    gone: failed !== null && failed === attempt && !waiting,
    onError: () => setFailed(attempt),
  };
}

/**
 * A video clip on a report: its poster frame, played in place on request (through the
 * one media path; every read is audited), its camera and times, who cut it, and the
 * full SHA-256 it is stored under, so a copy can be checked against it.
 */
export function ClipCard({ clip, cameraName, mediaBase, timeZone }: ClipCardProps) {
  const [playing, setPlaying] = useState(false);
  const words = clipWords(clip, cameraName, timeZone);
  const poster = usePoster(clip, mediaBase);
  return (
    <figure className="attachment clip-attachment">
      {mediaBase &&
        (playing ? (
          <video
            className="clip-video"
            src={`${mediaBase}/clips/${clip.sha256}.mp4`}
            poster={poster.shown ? poster.src : undefined}
            controls
            autoPlay
            muted
            playsInline
            disablePictureInPicture
            aria-label={`Clip ${words}`}
          />
        ) : (
          <button type="button" className="clip-poster" onClick={() => setPlaying(true)}>
            {poster.shown ? (
              <img src={poster.src} alt="" loading="lazy" onError={poster.onError} />
            ) : (
              <span className="clip-no-poster">{poster.gone ? 'No poster frame' : 'Poster frame coming…'}</span>
            )}
            <span className="clip-play" aria-hidden="true">
              ▶ {lengthWords(clip.clip?.durationMs ?? 0)}
            </span>
            <Unseen>Play clip {words}</Unseen>
          </button>
        ))}
      <figcaption>
        <span>
          Video clip: {words}
          {clip.takenByName ? ` · cut by ${clip.takenByName}` : ''}
        </span>
        <span className="attachment-hash">
          SHA-256 <code>{clip.sha256}</code>
        </span>
      </figcaption>
    </figure>
  );
}
