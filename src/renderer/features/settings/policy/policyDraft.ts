import type { NoticeTemplate, PolicyBody, PolicyTier, Step } from '../../../../shared/contract';

/** The {placeholders} main fills in a notice, and what each becomes. */
export const PLACEHOLDERS = [
  { key: 'name', means: 'the person’s name' },
  { key: 'branch', means: 'the branch where it happened' },
  { key: 'library', means: 'the library’s name' },
  { key: 'where', means: '“all branches” or the branches named' },
  { key: 'rules', means: 'the rules broken, with codes' },
  { key: 'incidentDates', means: 'the dates of the incidents' },
  { key: 'appealDays', means: 'the days to appeal' },
  { key: 'appealDeadline', means: 'the last day to appeal' },
  { key: 'what', means: 'what is suspended and until when, in a sentence' },
] as const;

export const NOTICE_PARTS: readonly { key: keyof NoticeTemplate; label: string; rows: number }[] = [
  { key: 'heading', label: 'Heading', rows: 1 },
  { key: 'opening', label: 'Opening', rows: 4 },
  { key: 'duringBan', label: 'If they come back during the ban', rows: 3 },
  { key: 'appealRoute', label: 'How to appeal', rows: 4 },
  { key: 'guardian', label: 'To the guardian of a minor', rows: 2 },
  { key: 'authority', label: 'Authority', rows: 2 },
  { key: 'closing', label: 'Closing', rows: 2 },
];

/** A step as the form edits it: the days as typed. */
export interface StepDraft {
  kind: Step['kind'];
  days: string;
}

export interface TierDraft {
  /** A key for React that survives reordering and renaming. */
  key: number;
  code: string;
  name: string;
  ruleCodes: string;
  lookbackDays: string;
  systemWide: boolean;
  steps: StepDraft[];
}

export interface PolicyDraft {
  approvalAboveDays: string;
  meetingAboveDays: string;
  appealDays: string;
  postingDays: string;
  tiers: TierDraft[];
  notice: NoticeTemplate;
}

let nextKey = 1;
export const newKey = () => nextKey++;

const stepDraft = (s: Step): StepDraft => ({ kind: s.kind, days: s.kind === 'days' ? String(s.days) : '7' });

export function toDraft(body: PolicyBody): PolicyDraft {
  return {
    approvalAboveDays: String(body.approvalAboveDays),
    meetingAboveDays: String(body.meetingAboveDays),
    appealDays: String(body.appealDays),
    postingDays: String(body.postingDays),
    tiers: body.tiers.map((t) => ({
      key: newKey(),
      code: t.code,
      name: t.name,
      ruleCodes: t.ruleCodes.join(', '),
      lookbackDays: String(t.lookbackDays),
      systemWide: t.systemWide,
      steps: t.steps.map(stepDraft),
    })),
    notice: { ...body.notice },
  };
}

/** A number as typed; an empty or broken one goes to main as NaN, which it refuses at the field. */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export const splitCodes = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

function toStep(s: StepDraft): Step {
  if (s.kind === 'days') return { kind: 'days', days: num(s.days) };
  return { kind: s.kind };
}

export function fromDraft(d: PolicyDraft): PolicyBody {
  return {
    approvalAboveDays: num(d.approvalAboveDays),
    meetingAboveDays: num(d.meetingAboveDays),
    appealDays: num(d.appealDays),
    postingDays: num(d.postingDays),
    tiers: d.tiers.map((t): PolicyTier => ({
      code: t.code.trim(),
      name: t.name,
      ruleCodes: splitCodes(t.ruleCodes),
      lookbackDays: num(t.lookbackDays),
      systemWide: t.systemWide,
      steps: t.steps.map(toStep),
    })),
    notice: d.notice,
  };
}

export const STEP_KIND_WORD: Record<Step['kind'], string> = {
  warning: 'Written warning',
  day: 'Leave for the day',
  days: 'A number of days',
  indefinite: 'Indefinite',
};
