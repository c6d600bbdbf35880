import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { manifestJson, manifestText, safeFileName, sha256Sums, type Manifest } from './evidence-manifest';

const dir = tempDir('vigil-manifest-');
afterAll(() => dir.remove());
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('the evidence manifest', () => {
  it('lists hashes in the format sha256sum checks, and sha256sum finds a changed file', () => {
    const files = [
      { name: 'Incident-MAIN-2026-0001.pdf', body: Buffer.from('%PDF-1.7 report') },
      { name: 'clip-1.mp4', body: Buffer.from('....ftypisom clip') },
    ];
    for (const f of files) writeFileSync(join(dir.path, f.name), f.body);
    const sums = sha256Sums(files.map((f) => ({ name: f.name, sha256: sha(f.body) })));
    expect(sums).toBe(`${sha(files[0]!.body)}  Incident-MAIN-2026-0001.pdf\n${sha(files[1]!.body)}  clip-1.mp4\n`);
    writeFileSync(join(dir.path, 'SHA256SUMS'), sums);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir.path, encoding: 'utf8' })).toBe(
      'Incident-MAIN-2026-0001.pdf: OK\nclip-1.mp4: OK\n',
    );
    writeFileSync(join(dir.path, 'clip-1.mp4'), 'tampered');
    let out = '';
    try {
      execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir.path, stdio: 'pipe', encoding: 'utf8' });
    } catch (e) {
      out = String((e as { stdout: string }).stdout);
    }
    expect(out).toBe('clip-1.mp4: FAILED\n');
  });

  it('refuses names the format cannot carry and hashes that are not SHA-256', () => {
    expect(() => sha256Sums([{ name: 'a\nb', sha256: 'a'.repeat(64) }])).toThrow();
    expect(() => sha256Sums([{ name: 'a', sha256: 'abc' }])).toThrow();
    expect(safeFileName('Incident MAIN/2026:0001 “é”.pdf')).toBe('Incident-MAIN-2026-0001-e-.pdf');
    expect(safeFileName('../..')).toBe('file');
  });

  it('says, for a person and a program, what each file is and the report’s journal hash', () => {
    const m: Manifest = {
      report: {
        id: '01900000-0000-7000-8000-000000000000',
        number: 'MAIN-2026-0001',
        version: 2,
        journalHash: 'f'.repeat(64),
        journalKind: 'incident.amended',
        journalAt: '2026-11-30T19:10:00.000Z',
      },
      exportedAt: '2026-11-30T20:00:00.000Z',
      exportedBy: 'Ada Admin',
      purpose: 'Requested by Officer Diaz, case 26-1234',
      files: [
        {
          name: 'clip-1.mp4',
          sha256: 'a'.repeat(64),
          bytes: 1234567,
          what: 'Video clip of Main - Lobby',
          kind: 'clip',
          camera: 'Main - Lobby',
          from: '2026-11-30T19:00:00.000Z',
          to: '2026-11-30T19:00:20.000Z',
          durationMs: 20_000,
        },
      ],
      problems: ['Camera snapshot 1: its file is missing from this desk’s data folder.'],
    };
    const json = JSON.parse(manifestJson(m)) as Manifest & { format: string };
    expect(json).toMatchObject({ format: 'vigil-evidence/1', report: { journalHash: 'f'.repeat(64) } });
    expect(json.files[0]).toMatchObject({ name: 'clip-1.mp4', camera: 'Main - Lobby', durationMs: 20_000 });
    const text = manifestText(m, (iso) => iso.slice(11, 19));
    expect(text).toContain('Purpose: Requested by Officer Diaz, case 26-1234');
    expect(text).toContain(`SHA-256 ${'f'.repeat(64)}`);
    expect(text).toContain('From 19:00:00 to 19:00:20');
    expect(text).toContain('1,234,567 bytes, SHA-256 ' + 'a'.repeat(64));
    expect(text).toContain('sha256sum -c SHA256SUMS');
    expect(text).toMatch(/Not exported:\n {2}Camera snapshot 1/);
  });
});
