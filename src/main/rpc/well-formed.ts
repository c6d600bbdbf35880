/** Half of a surrogate pair with no other half: not a character, and SQLite would store it as three U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any contract input goes: a deeper frame is malformed anyway. */
const MAX_DEPTH = 32;

/**
 * The path of the first string (value or key) in an input that is not well-formed
 * UTF-16, '' for the top level, or null when every string is fine. Checked at the
 * contract's door so no service ever sees, stores or searches such text.
 */
export function firstMalformedText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path.join('.') || '_' : null;
  if (value === null || typeof value !== 'object' || path.length > MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, v] of entries) {
    if (LONE_SURROGATE.test(key)) return [...path, '_'].join('.');
    const found = firstMalformedText(v, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

export const MALFORMED_TEXT_MESSAGE =
  'This text holds a broken character (often half of an emoji, from a copy and paste). Delete it and type it again.';
