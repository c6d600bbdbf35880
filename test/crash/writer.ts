/**
 * The crash harness's writer: `node --import tsx writer.ts <json>`. Builds the real
 * services on the data folder, signs in and writes through them without end, mixed
 * (incident reports, photos, staff calls, closing answers, bans), printing one line
 * per write main acknowledged: "ACK <kind> <id…>". The harness kills it with SIGKILL.
 */
import { writeSync } from 'node:fs';
import { testDesk } from '../helpers/services';
import { encodePng } from '../helpers/png';

interface Args {
  dataDir: string;
  username: string;
  passphrase: string;
  branchId: string;
  zoneId: string;
  ruleId: string;
}
const args = JSON.parse(process.argv[2]!) as Args;
const ack = (line: string) => writeSync(1, `ACK ${line}\n`);

const desk = testDesk({ dataDir: args.dataDir });
const c = desk.console();
await c.must('auth.signIn', { username: args.username, passphrase: args.passphrase });
writeSync(1, 'ready\n');

const subject = (personId: string | null, name: string) => ({
  role: 'subject' as const,
  personId,
  name,
  sex: 'female' as const,
  ageEstimate: '40s',
  height: '',
  build: '',
  hair: '',
  clothing: '',
  marks: '',
});
const report = (n: number, personId: string | null = null, name = 'unknown') =>
  c.must('incidents.createDraft', {
    content: {
      branchId: args.branchId,
      zoneId: args.zoneId,
      occurredFrom: new Date(Date.now() - 10 * 60_000).toISOString(),
      occurredTo: null,
      ruleIds: [args.ruleId],
      severity: 1,
      summary: `Crash writer ${process.pid} report ${n}`,
      narrative: `Marker p${process.pid}n${n}. A patron was asked to lower their voice.`,
      actions: 'Reminder.',
      persons: [subject(personId, name)],
    },
  });

for (let n = 0; ; n++) {
  switch (n % 5) {
    case 0: {
      const draft = await report(n);
      const filed = await c.must('incidents.submit', { id: draft.id });
      ack(`incident ${filed.id}`);
      break;
    }
    case 1: {
      const png = encodePng(8 + (n % 13), 8, (x, y) => [(process.pid + n) % 256, (n >> 8) % 256, (x * y) % 256]);
      const photo = await c.must('attachments.addImage', { dataBase64: png.toString('base64') });
      ack(`attachment ${photo.id}`);
      break;
    }
    case 2: {
      const call = await c.must('calls.create', {
        branchId: args.branchId,
        zoneId: args.zoneId,
        caller: { staffId: null, name: 'Front desk' },
        channel: 'phone',
        nature: 'disturbance',
        priority: 'normal',
        detail: `Crash writer call ${n}`,
      });
      ack(`call ${call.id}`);
      break;
    }
    case 3: {
      let run = await c.must('closing.start', { branchId: args.branchId });
      const answered = new Set(run.answers.map((a) => a.itemId));
      const item = run.items.find((i) => !answered.has(i.id));
      if (!item) {
        await c.must('closing.sign', { runId: run.id });
        break;
      }
      const value =
        item.kind === 'yesno'
          ? { kind: 'yesno' as const, answer: item.okAnswer }
          : item.kind === 'count'
            ? { kind: 'count' as const, count: item.expectedCount }
            : item.kind === 'note'
              ? { kind: 'note' as const }
              : { kind: 'check' as const, ok: true };
      run = await c.must('closing.answer', {
        runId: run.id,
        branchId: args.branchId,
        itemId: item.id,
        value,
        note: item.kind === 'note' ? 'All fine' : '',
      });
      ack(`answer ${run.id} ${item.id}`);
      break;
    }
    case 4: {
      const name = `Crash Person ${process.pid}-${n}`;
      const person = await c.must('persons.add', {
        name,
        sex: 'female',
        ageEstimate: '40s',
        height: '',
        build: '',
        hair: '',
        marks: '',
      });
      const draft = await report(n, person.id, name);
      const filed = await c.must('incidents.submit', { id: draft.id });
      const ban = await c.must('bans.issue', {
        personId: person.id,
        incidentIds: [filed.id],
        step: { kind: 'day' },
        allBranches: false,
        privileges: ['building'],
      });
      ack(`ban ${ban.id}`);
      break;
    }
  }
}
