/** Something that stops Vigil from opening its data, said so a desk assistant can act on it. */
export class StartupError extends Error {
  override name = 'StartupError';
}
