import { useState } from 'react';
import { formatClockSeconds } from '../../lib/time';
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

/**
 * A video clip on a report: its poster frame, played in place on request (through the
 * one media path; every read is audited), its camera and times, who cut it, and the
 * full SHA-256 it is stored under, so a copy can be checked against it.
 */
export function ClipCard({ clip, cameraName, mediaBase, timeZone }: ClipCardProps) {
  const [playing, setPlaying] = useState(false);
  const words = clipWords(clip, cameraName, timeZone);
  const poster = clip.clip?.posterSha256 ? `${mediaBase}/posters/${clip.clip.posterSha256}.jpg` : undefined;
  return (
    <figure className="attachment clip-attachment">
      {mediaBase &&
        (playing ? (
          <video
            className="clip-video"
            src={`${mediaBase}/clips/${clip.sha256}.mp4`}
            poster={poster}
            controls
            autoPlay
            muted
            playsInline
            disablePictureInPicture
            aria-label={`Clip ${words}`}
          />
        ) : (
          <button type="button" className="clip-poster" onClick={() => setPlaying(true)}>
            {poster ? (
              <img src={poster} alt="" loading="lazy" />
            ) : (
              <span className="clip-no-poster">No poster frame</span>
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
