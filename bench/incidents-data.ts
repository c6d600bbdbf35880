import type { Db } from '../src/main/db/connection';
import { GuidelinesRepo } from '../src/main/guidelines/guidelines.repo';
import { GuidelinesService } from '../src/main/guidelines/guidelines.service';
import { systemClock } from '../src/main/clock';
import { Journal } from '../src/main/db/journal';
import { uuidv7 } from '../src/main/ids';

/** mulberry32: the same database for the same count, run after run. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST =
  'Alex Jordan Sam Maria Jose Mai Nour Omar Lena Chen Dale Kayla Tomas Ana Yusuf Priya Ivan Grace Luis Fatima Kofi Hana Pao Tou Zoë Núria'.split(
    ' ',
  );
const LAST =
  'Vang Smith Haddad Nguyen Garcia Johnson Whitcomb Brandt Okafor Lindqvist Delgado Yang Xiong Kowalski Rossi Ahmed Müller Novak Lee Thao'.split(
    ' ',
  );
const COLORS = 'black gray navy red green blue tan white purple orange yellow brown maroon teal olive'.split(' ');
const GARMENTS = 'hoodie jacket parka raincoat cardigan windbreaker sweatshirt coat vest jersey'.split(' ');
const ZONES = [
  'lobby',
  'computer lab',
  'reading room',
  "children's room",
  'restrooms',
  'parking lot',
  'stacks',
  'teen space',
  'meeting room',
  'book drop',
];
const OPENINGS = [
  'At about the time above a patron in the {zone} was talking loudly on a phone on speaker.',
  'A patron told the desk that a man had been following her between the {zone} and the stacks.',
  'Two patrons argued over a public computer in the {zone}; one pushed the other.',
  'The security gate alarmed as a patron left through the main entrance with unchecked items.',
  'During the evening round I found fresh marker graffiti on the wall of the {zone}.',
  'A patron in the {zone} had an open can of beer and was speaking loudly to no one in particular.',
  'Two teens were vaping by the {zone} entrance.',
  'A patron was washing clothes in the restroom sink near the {zone}.',
  'A child of about seven was alone in the {zone} thirty minutes before closing.',
  'A parent reported sexually explicit images on a computer screen in the {zone}.',
  'A patron under a current ban entered and sat in the {zone}.',
  'A patron was asleep across three chairs in the {zone}.',
  'A patron unplugged a public computer in the {zone} to charge a scooter battery.',
  'An older patron fainted in the {zone} after a heated verbal dispute.',
];
const MIDDLES = [
  'I approached, introduced myself and explained the guideline calmly.',
  'A second staff member came to the {zone} to help.',
  'The patron apologized and stopped.',
  'The patron said they did not know the rule and put the item away.',
  'I asked the patron to leave for the rest of the day and they left without argument.',
  'The patron refused and kept shouting, so I called the police non-emergency line.',
  'I checked the camera for the time range and saved the clip reference.',
  'Other patrons in the {zone} moved away and one came to the desk to report it.',
  'I gave the patron the resource card for the day center on 4th Street.',
  'The patron said they were waiting for a ride that was late.',
];
const CLOSINGS = [
  'No further problem for the rest of the evening.',
  'Officers arrived, took statements and gave a case number.',
  'The supervisor was informed by phone.',
  'Facilities was notified by email with a photo.',
  'The family member arrived before closing and was given the guidelines card.',
];

export const WORDS = { FIRST, LAST, COLORS, GARMENTS };

/**
 * Writes `count` filed incidents straight into the tables (one version each, persons,
 * rules), in big transactions, through the real schema and its triggers (so the
 * full-text index is built the same way).
 */
export function generateIncidents(db: Db, count: number, log: (line: string) => void): void {
  const random = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = Date.now();
  const spanMs = 10 * 365 * 24 * 3_600_000;
  const journal = new Journal(db, 'bench');
  new GuidelinesService(db, new GuidelinesRepo(db), journal, () => new Map(), systemClock).seedDefaults();
  const rules = db
    .prepare<[], { id: string; vid: string }>('SELECT id, current_version_id AS vid FROM guideline_rules')
    .all();

  const staffIds = Array.from({ length: 40 }, (_, i) => {
    const id = uuidv7();
    db.prepare(
      "INSERT INTO staff (id, name, username, role, passphrase_hash, created_at) VALUES (?, ?, ?, ?, 'x', ?)",
    ).run(id, `${pick(FIRST)} ${pick(LAST)}`, `staff${i}`, i < 6 ? 'supervisor' : 'officer', new Date().toISOString());
    return id;
  });
  const branches = Array.from({ length: 8 }, (_, b) => {
    const id = uuidv7();
    db.prepare("INSERT INTO branches (id, name, code, address, time_zone) VALUES (?, ?, ?, '', 'America/Chicago')").run(
      id,
      `Branch ${b}`,
      `BR${b}`,
    );
    const zones = ZONES.slice(0, 6).map((name) => {
      const z = uuidv7();
      db.prepare("INSERT INTO zones (id, branch_id, name, kind, floor) VALUES (?, ?, ?, 'interior', '1')").run(
        z,
        id,
        name,
      );
      return z;
    });
    return { id, code: `BR${b}`, zones };
  });
  const personIds = Array.from({ length: 5000 }, () => {
    const id = uuidv7();
    db.prepare(
      "INSERT INTO persons (id, name, sex, age_estimate, height, build, hair, marks, created_at, created_by) VALUES (?, ?, 'unknown', '', '', '', '', '', ?, ?)",
    ).run(id, `${pick(FIRST)} ${pick(LAST)}`, new Date().toISOString(), staffIds[0]!);
    return id;
  });

  const version = db.prepare(
    `INSERT INTO incident_versions (vid, incident_id, version, created_at, created_by, zone_id, occurred_from, occurred_to,
       severity, summary, narrative, actions, response, persons_text)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{"police":null,"emergency":null,"injuries":"","propertyDamage":"","staffAssistance":""}', ?)`,
  );
  const incident = db.prepare(
    `INSERT INTO incidents (id, number, branch_id, year, seq, reporter_id, reported_at, status, current_version, zone_id,
       occurred_from, severity, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rule = db.prepare('INSERT INTO incident_rules (vid, rule_id, rule_version_id) VALUES (?, ?, ?)');
  const person = db.prepare(
    `INSERT INTO incident_persons (vid, ord, role, person_id, name, sex, age_estimate, height, build, hair, clothing, marks)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, '')`,
  );
  const counters = new Map<string, number>();
  const statuses = ['approved', 'approved', 'approved', 'closed', 'closed', 'submitted', 'returned'];
  const BATCH = 25_000;
  const started = performance.now();
  for (let from = 0; from < count; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        const vid = i + 1;
        const at = new Date(now - spanMs + Math.floor((i / count) * spanMs) + Math.floor(random() * 60_000));
        const branch = pick(branches);
        const zoneName = pick(ZONES);
        const year = at.getUTCFullYear();
        const key = `${branch.code}-${year}`;
        const seq = (counters.get(key) ?? 0) + 1;
        counters.set(key, seq);
        const id = uuidv7(at.getTime());
        const who = () => `${pick(FIRST)} ${pick(LAST)}`;
        const opening = pick(OPENINGS);
        const narrative = [
          opening,
          pick(MIDDLES),
          pick(MIDDLES),
          `Witness ${who()} confirmed what happened.`,
          pick(CLOSINGS),
        ]
          .join(' ')
          .replaceAll('{zone}', zoneName);
        const clothing = `${pick(COLORS)} ${pick(GARMENTS)}, ${pick(COLORS)} pants`;
        const name = random() < 0.7 ? 'unknown' : who();
        const iso = at.toISOString();
        const reporter = pick(staffIds);
        const severity = 1 + Math.floor(random() * 3);
        const zoneId = pick(branch.zones);
        version.run(
          vid,
          id,
          iso,
          reporter,
          zoneId,
          iso,
          iso,
          severity,
          opening.replaceAll('{zone}', zoneName).slice(0, 120),
          narrative,
          'Verbal reminder; supervisor informed.',
          `${name} 30s medium short dark ${clothing}`,
        );
        const r1 = pick(rules);
        rule.run(vid, r1.id, r1.vid);
        if (random() < 0.3) {
          const r2 = pick(rules);
          if (r2 !== r1) rule.run(vid, r2.id, r2.vid);
        }
        person.run(
          vid,
          0,
          'subject',
          random() < 0.1 ? pick(personIds) : null,
          name,
          'unknown',
          '30s',
          'medium',
          'short dark',
          clothing,
        );
        incident.run(
          id,
          `${branch.code}-${year}-${String(seq).padStart(4, '0')}`,
          branch.id,
          year,
          seq,
          reporter,
          iso,
          pick(statuses),
          vid,
          zoneId,
          iso,
          severity,
          iso,
        );
      }
    })();
    const done = Math.min(count, from + BATCH);
    if (done % 100_000 === 0 || done === count)
      log(
        `  generated ${done.toLocaleString('en-US')} incidents (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  const counter = db.prepare('INSERT INTO incident_counters (branch_id, year, last) VALUES (?, ?, ?)');
  for (const [key, last] of counters) {
    const [code, year] = key.split('-');
    counter.run(branches.find((b) => b.code === code)!.id, Number(year), last);
  }
}
