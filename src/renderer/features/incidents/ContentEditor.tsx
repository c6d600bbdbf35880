import type { Ref } from 'react';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import type { Option } from '../../components/Field';
import { useQuery } from '../../lib/useQuery';
import type { AttachmentMeta, Branch, DraftContent } from '../../../shared/contract';
import { DateTimeField, FormSection, groupError } from './formParts';
import { EvidenceEditor } from './EvidenceEditor';
import { PersonsEditor } from './PersonsEditor';
import { RespondersEditor } from './RespondersEditor';
import { RulesPicker } from './RulesPicker';
import { SEVERITY_LIST, SEVERITY_WORD } from './words';
import type { Severity } from './words';

interface ContentEditorProps {
  content: DraftContent;
  onChange: (next: DraftContent) => void;
  /** Field messages keyed by content path ("summary", "persons.0.role"). */
  errors: Record<string, string>;
  branches: readonly Branch[];
  /** On an amendment the branch is part of the number and cannot change. */
  branchLocked?: boolean;
  summaryRef?: Ref<HTMLInputElement>;
  /** Attachments already on a filed report, so an amendment shows their pictures and hashes. */
  filed?: readonly AttachmentMeta[];
}

/** Every field of a report, in the order a desk tells what happened. Shared by drafts and amendments. */
export function ContentEditor({
  content,
  onChange,
  errors,
  branches,
  branchLocked,
  summaryRef,
  filed,
}: ContentEditorProps) {
  const guidelines = useQuery('guidelines.list', {});
  const set = (patch: Partial<DraftContent>) => onChange({ ...content, ...patch });
  const branch = branches.find((b) => b.id === content.branchId);
  const timeZone = branch?.timeZone;
  const e = (path: string) => errors[path];

  const branchOptions: Option<string>[] = [
    { value: '', label: 'Choose a branch…' },
    ...branches.map((b) => ({ value: b.id, label: b.name })),
  ];
  const zoneOptions: Option<string>[] = [
    { value: '', label: branch ? 'No particular zone' : 'Choose a branch first' },
    ...(branch?.zones ?? [])
      .filter((z) => !z.retired || z.id === content.zoneId)
      .map((z) => ({ value: z.id, label: z.name })),
  ];
  const severityOptions: Option<string>[] = [
    { value: '', label: 'Choose a severity…' },
    ...SEVERITY_LIST.map((s) => ({ value: String(s), label: SEVERITY_WORD[s] })),
  ];
  const zoneHint = timeZone ? `Times are the branch clock (${timeZone}).` : undefined;

  return (
    <>
      <FormSection title="Where and when">
        <SelectField
          label="Branch"
          value={content.branchId ?? ''}
          options={branchOptions}
          disabled={branchLocked}
          hint={branchLocked ? 'The branch is part of the report number and stays as filed.' : undefined}
          onChange={(v) => set({ branchId: v || null, zoneId: null })}
          error={e('branchId')}
        />
        <SelectField
          label="Zone"
          value={content.zoneId ?? ''}
          options={zoneOptions}
          disabled={!branch}
          onChange={(v) => set({ zoneId: v || null })}
          error={e('zoneId')}
        />
        <DateTimeField
          label="Started"
          value={content.occurredFrom}
          timeZone={timeZone}
          onChange={(occurredFrom) => set({ occurredFrom })}
          error={e('occurredFrom')}
          hint={zoneHint}
        />
        <DateTimeField
          label="Ended"
          value={content.occurredTo}
          timeZone={timeZone}
          onChange={(occurredTo) => set({ occurredTo })}
          error={e('occurredTo')}
          hint="Leave empty if it is still going on or was a single moment."
        />
        <SelectField
          label="Severity"
          value={content.severity === null ? '' : String(content.severity)}
          options={severityOptions}
          onChange={(v) => set({ severity: v ? (Number(v) as Severity) : null })}
          error={e('severity')}
        />
      </FormSection>

      <FormSection title="What happened">
        <TextField
          label="Summary"
          value={content.summary}
          onChange={(summary) => set({ summary })}
          inputRef={summaryRef}
          fieldClassName="field-wide"
          spellCheck
          hint="One line, for the list: what happened and where. At most 200 characters."
          error={e('summary')}
        />
        <RulesPicker
          rules={guidelines.value ?? []}
          selected={content.ruleIds}
          onChange={(ruleIds) => set({ ruleIds })}
          error={groupError(errors, 'ruleIds')}
        />
        <TextAreaField
          label="Narrative"
          value={content.narrative}
          onChange={(narrative) => set({ narrative })}
          fieldClassName="field-wide"
          rows={10}
          spellCheck
          hint="In order, what you saw and heard, and what was said. Write facts; quote words exactly."
          error={e('narrative')}
        />
        <TextAreaField
          label="Actions taken"
          value={content.actions}
          onChange={(actions) => set({ actions })}
          fieldClassName="field-wide"
          rows={4}
          spellCheck
          hint="What staff did: asked to leave, called police, gave first aid…"
          error={e('actions')}
        />
      </FormSection>

      <PersonsEditor persons={content.persons} onChange={(persons) => set({ persons })} errors={errors} />
      <RespondersEditor content={content} set={set} errors={errors} timeZone={timeZone} />
      <EvidenceEditor content={content} set={set} errors={errors} timeZone={timeZone} filed={filed} />
    </>
  );
}
