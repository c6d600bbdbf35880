interface AttachmentCardProps {
  sha256: string;
  mediaBase: string;
  /** What the picture shows, said for screen readers: "Main - Lobby at 19:42:07". */
  alt: string;
  caption: string;
}

/**
 * A picture on a report with its full SHA-256: the name it is stored under, so
 * police or a court can check a copy against the original.
 */
export function AttachmentCard({ sha256, mediaBase, alt, caption }: AttachmentCardProps) {
  return (
    <figure className="attachment">
      {mediaBase && <img src={`${mediaBase}/snapshots/${sha256}.png`} alt={alt} loading="lazy" />}
      <figcaption>
        <span>{caption}</span>
        <span className="attachment-hash">
          SHA-256 <code>{sha256}</code>
        </span>
      </figcaption>
    </figure>
  );
}
