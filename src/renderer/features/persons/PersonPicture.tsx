/** A person's picture (served under the console's media base), or a plain box saying there is none. */
export function PersonPicture({
  mediaBase,
  path,
  name,
  size = 'medium',
}: {
  mediaBase: string;
  path: string | null | undefined;
  name: string;
  size?: 'small' | 'medium' | 'large';
}) {
  if (!path || !mediaBase) {
    return (
      <span className={`person-picture person-picture-${size} person-picture-none`} role="img" aria-label="No photo">
        No photo
      </span>
    );
  }
  return (
    <img
      className={`person-picture person-picture-${size}`}
      src={`${mediaBase}/${path}`}
      alt={`Photo of ${name}`}
      loading="lazy"
    />
  );
}
