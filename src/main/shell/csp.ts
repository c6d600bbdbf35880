/**
 * The page's Content-Security-Policy, the same rules for both shells: scripts,
 * styles, images and media only from the app's own origin (media later from the
 * media handler on that origin), blob: for hls.js MediaSource, no plugins, no
 * frames, no inline script.
 */
export function contentSecurityPolicy(opts: { connect: readonly string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self' ${opts.connect.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
