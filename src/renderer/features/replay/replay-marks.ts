/**
 * User-timing marks on the way from R to the first frame of the past (DevTools'
 * Performance panel and the replay benchmark read them): each is a few microseconds.
 */
export type ReplayStep =
  | 'open-asked'
  | 'open-answered'
  | 'player-created'
  | 'media-attached'
  | 'playlist-loaded'
  | 'segment-asked'
  | 'segment-loaded'
  | 'segment-parsed'
  | 'first-append'
  | 'seeked'
  | 'frame-shown';

export const markReplay = (step: ReplayStep) => void performance.mark(`vigil-replay:${step}`);
