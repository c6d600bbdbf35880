interface AttachmentCardProps {
  sha256: string;
  mediaBase: string;
  /** What the picture shows, said for screen readers: "Main - Lobby at 19:42:07". */
  alt: string;
  caption: string;
  /** 'photo' for an image file from disk (JPEG or PNG); a camera snapshot otherwise. */
  kind?: string;
  mediaType?: string;
}

/** Where main serves the picture: snapshots are PNGs; photos are stored under their sniffed type's extension. */
function pictureUrl(mediaBase: string, sha256: string, kind?: string, mediaType?: string): string {
  if (kind !== 'photo') return `${mediaBase}/snapshots/${sha256}.png`;
  return `${mediaBase}/attachments/${sha256}.${mediaType === 'image/jpeg' ? 'jpg' : 'png'}`;
}

/** "64 × 48 px · 3 KB": what a person checks before trusting a picture is the one they meant. */
export function pictureSize(width: number | null, height: number | null, bytes: number): string {
  const kb =
    bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${width ?? '?'} × ${height ?? '?'} px · ${kb}`;
}

/**
 * A picture on a report with its full SHA-256: the name it is stored under, so
 * police or a court can check a copy against the original.
 */
export function AttachmentCard({ sha256, mediaBase, alt, caption, kind, mediaType }: AttachmentCardProps) {
  return (
    <figure className="attachment">
      {mediaBase && <img src={pictureUrl(mediaBase, sha256, kind, mediaType)} alt={alt} loading="lazy" />}
      <figcaption>
        <span>{caption}</span>
        <span className="attachment-hash">
          SHA-256 <code>{sha256}</code>
        </span>
      </figcaption>
    </figure>
  );
}
