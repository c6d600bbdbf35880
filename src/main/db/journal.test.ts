import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { openDatabase, type Db } from './connection';
import { Journal } from './journal';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let journal: Journal;

beforeEach(() => {
  dir = tempDir();
  db = openDatabase(dir.path);
  journal = new Journal(db, 'desk-test');
  db.transaction(() => {
    for (let i = 1; i <= 5; i++) {
      journal.append({ kind: 'person.added', recordId: `r${i}`, actor: 's1', payload: { n: i, name: `Person ${i}` } });
    }
  })();
});
afterEach(() => {
  db.close();
  dir.remove();
});

/** Tampering as someone with a SQLite tool would: the append-only triggers removed first. */
function tamper(sql: string, ...params: unknown[]) {
  db.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
  db.prepare(sql).run(...params);
}

describe('journal', () => {
  it('verifies an intact chain', () => {
    expect(journal.verify()).toEqual({ ok: true, entries: 5 });
  });

  it('refuses an append outside a transaction', () => {
    expect(() => journal.append({ kind: 'settings.updated', recordId: 'r', actor: null, payload: {} })).toThrow(
      /transaction/,
    );
  });

  it('refuses UPDATE and DELETE on entries', () => {
    expect(() => db.prepare("UPDATE journal SET kind = 'ban.lifted' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('names an edited entry (fields)', () => {
    tamper("UPDATE journal SET kind = 'ban.lifted' WHERE seq = 3");
    const r = journal.verify();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBroken).toMatchObject({ seq: 3, reason: expect.stringMatching(/fields were changed/) });
  });

  it('names an edited entry (payload)', () => {
    tamper('UPDATE journal SET payload = ? WHERE seq = 2', JSON.stringify({ n: 2, name: 'Someone else' }));
    const r = journal.verify();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBroken).toMatchObject({ seq: 2, reason: expect.stringMatching(/payload was changed/) });
  });

  it('names the entry after a deleted one', () => {
    const third = db.prepare<[], { id: string }>('SELECT id FROM journal WHERE seq = 4').get()!.id;
    tamper('DELETE FROM journal WHERE seq = 3');
    const r = journal.verify();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBroken).toMatchObject({ seq: 3, id: third, reason: expect.stringMatching(/removed/) });
  });

  it('notices the newest entries removed', () => {
    tamper('DELETE FROM journal WHERE seq = 5');
    const r = journal.verify();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBroken.reason).toMatch(/ends early/);
  });

  it('names a reordered entry', () => {
    tamper('UPDATE journal SET seq = 100 WHERE seq = 2');
    tamper('UPDATE journal SET seq = 2 WHERE seq = 4');
    tamper('UPDATE journal SET seq = 4 WHERE seq = 100');
    const r = journal.verify();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBroken.seq).toBe(2);
  });

  it('still verifies when retention erases a payload', () => {
    db.prepare('UPDATE journal SET payload = NULL WHERE seq = 2').run();
    expect(journal.verify()).toEqual({ ok: true, entries: 5 });
    expect(journal.forRecord('r2')[0]!.payload).toBeNull();
  });

  it('keeps the payload replayable and the origin desk', () => {
    const [entry] = journal.forRecord('r4');
    expect(entry).toMatchObject({
      kind: 'person.added',
      origin: 'desk-test',
      actor: 's1',
      payload: { n: 4, name: 'Person 4' },
    });
  });

  describe('in chunks (at start and from Settings)', () => {
    it('agrees with the one-pass walk, whatever the chunk size', async () => {
      for (const size of [1, 2, 5, 100])
        expect(await journal.verifyInChunks(undefined, size)).toEqual(journal.verify());
    });

    it('reports progress up to the whole chain', async () => {
      const seen: [number, number][] = [];
      await journal.verifyInChunks((done, total) => seen.push([done, total]), 2);
      expect(seen.at(-1)).toEqual([5, 5]);
      expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    });

    it('walks entries written while it runs, and still agrees with the head', async () => {
      const walking = journal.verifyInChunks(() => {
        db.transaction(() =>
          journal.append({ kind: 'person.added', recordId: 'late', actor: 's1', payload: { late: true } }),
        )();
      }, 2);
      const r = await walking;
      expect(r.ok).toBe(true);
      expect(r.entries).toBeGreaterThan(5);
    });

    it('names the same broken entry as the one-pass walk', async () => {
      tamper("UPDATE journal SET kind = 'ban.lifted' WHERE seq = 4");
      const r = await journal.verifyInChunks(undefined, 2);
      expect(r).toEqual(journal.verify());
      expect(r.ok).toBe(false);
      tamper('DELETE FROM journal WHERE seq >= 4');
      expect(await journal.verifyInChunks(undefined, 2)).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
    });
  });
});
