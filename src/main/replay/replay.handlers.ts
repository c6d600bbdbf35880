import type { HandlerTable } from '../rpc/handler';
import { mediaBase } from '../rpc/sessions';
import type { BookmarksService } from './bookmarks.service';
import { GB } from './recording-settings';
import type { ReplayService } from './replay.service';

type ReplayMethods =
  | 'replay.open'
  | 'replay.reach'
  | 'replay.cutClip'
  | 'replay.clips'
  | 'bookmarks.add'
  | 'bookmarks.update'
  | 'bookmarks.remove'
  | 'bookmarks.list'
  | 'recording.status'
  | 'recording.setMinutes'
  | 'recording.setBudget';

export const replayHandlers = (replay: ReplayService, bookmarks: BookmarksService): HandlerTable<ReplayMethods> => ({
  'replay.open': ({ cameraId, at }, ctx) => replay.open(cameraId, at, ctx.session, ctx.staffId),
  'replay.reach': ({ cameraId, from, to }) => replay.reach(cameraId, from, to),
  'replay.cutClip': async ({ cameraId, from, to }, ctx) => ({
    ...(await replay.cutClip(cameraId, from, to, ctx.staffId)),
    mediaBase: mediaBase(ctx.session),
  }),
  'replay.clips': ({ ids }, ctx) => ({
    clips: replay.describeClips(ids, ctx.staffId),
    mediaBase: mediaBase(ctx.session),
  }),
  'bookmarks.add': ({ cameraId, at, note }, ctx) => bookmarks.add(cameraId, at, note, ctx.staffId),
  'bookmarks.update': ({ id, note }, ctx) => bookmarks.update(id, note, ctx.staffId),
  'bookmarks.remove': ({ id }, ctx) => {
    bookmarks.remove(id, ctx.staffId);
    return { removed: true };
  },
  'bookmarks.list': (_input, ctx) => bookmarks.list(ctx.staffId),
  'recording.status': () => replay.status(),
  'recording.setMinutes': ({ cameraId, minutes }, ctx) => {
    replay.setMinutes(cameraId, minutes, ctx.staffId);
    return replay.status();
  },
  'recording.setBudget': ({ budgetGb }, ctx) => {
    replay.setBudget(Math.round(budgetGb * GB), ctx.staffId);
    return replay.status();
  },
});
