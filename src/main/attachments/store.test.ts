import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { ATTACHMENTS_DIR, sweepAttachmentFiles } from './store';

const dir = tempDir();
afterEach(() => dir.remove());

describe('the start-up sweep of the attachments folder', () => {
  it('removes temp files and images without a row, and keeps every image a row names and anything else', () => {
    const folder = join(dir.path, ATTACHMENTS_DIR);
    mkdirSync(folder, { recursive: true });
    const kept = `${'a'.repeat(64)}.png`;
    const orphan = `${'b'.repeat(64)}.jpg`;
    const temp = `${'c'.repeat(64)}.png.0a1b2c.tmp`;
    const other = 'README.txt';
    for (const name of [kept, orphan, temp, other]) writeFileSync(join(folder, name), 'x');
    expect(sweepAttachmentFiles(dir.path, new Set(['a'.repeat(64)]))).toBe(2);
    expect([kept, orphan, temp, other].map((n) => existsSync(join(folder, n)))).toEqual([true, false, false, true]);
    expect(sweepAttachmentFiles(join(dir.path, 'nowhere'), new Set())).toBe(0);
  });
});
