import { existsSync, rmSync } from 'node:fs';
import type { Db } from '../db/connection';
import { attachmentHashesIn } from './attachments.repo';
import { attachmentPath, type AttachmentExt } from './store';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);
const EXTS: readonly AttachmentExt[] = ['png', 'jpg', 'mp4'];

/**
 * The attachments' side of a retention purge (the retention domain's
 * AttachmentsPurgePort): rows inside the purge's transaction, files after it commits
 * (a crash between leaves files without rows, which the start-up sweep removes).
 */
export class AttachmentsPurgeRepo {
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
  ) {}

  takenBefore(cutoff: string): Aged[] {
    return this.db
      .prepare<[string], Aged>('SELECT id, taken_at AS at FROM attachments WHERE taken_at < ? ORDER BY taken_at')
      .all(cutoff);
  }

  remove(ids: readonly string[]): { files: string[]; shas: string[] } {
    if (ids.length === 0) return { files: [], shas: [] };
    const p = list(ids);
    const rows = this.db
      .prepare<[string], { sha: string; poster: string | null }>(
        `SELECT sha256 AS sha, json_extract(clip, '$.posterSha256') AS poster
           FROM attachments WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(p);
    this.db.prepare('DELETE FROM attachments WHERE id IN (SELECT value FROM json_each(?))').run(p);
    const shas = [...new Set(rows.flatMap((r) => (r.poster ? [r.sha, r.poster] : [r.sha])))];
    // The same bytes kept twice share one file: only files no remaining row names go.
    const still = attachmentHashesIn(this.db);
    const files = shas
      .filter((sha) => !still.has(sha))
      .flatMap((sha) => EXTS.map((ext) => attachmentPath(this.dataDir, sha, ext)));
    return { files, shas };
  }

  deleteFiles(files: readonly string[]): number {
    let removed = 0;
    for (const f of files) {
      if (!existsSync(f)) continue;
      rmSync(f, { force: true });
      removed += 1;
    }
    return removed;
  }
}
