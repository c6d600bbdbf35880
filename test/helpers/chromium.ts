/**
 * Debian's Chromium, never a downloaded browser, with the flags this closed
 * network needs (no background connections, no component updates, no QUIC).
 * Playwright's config, the benchmarks and scripts all launch it through these.
 */
export const CHROMIUM_PATH = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
