import type { ReactNode } from 'react';

/**
 * Words for screen readers and tests only: "Edit" shows, "Edit Main Library" is
 * the button's name. Preferred to aria-label so the name stays the visible text
 * plus context, and label lookups for fields never match a button.
 */
export function Unseen({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
