import { SelectField, TextAreaField, TextField } from '../../components/Field';
import type { Option } from '../../components/Field';
import type { DraftContent } from '../../../shared/contract';
import { EMPTY_EMERGENCY, EMPTY_POLICE } from './draftContent';
import { DateTimeField, FormSection } from './formParts';
import { EMERGENCY_LIST, EMERGENCY_WORD } from './words';
import type { EmergencyKind } from './words';

const KIND_OPTIONS: Option<EmergencyKind | ''>[] = [
  { value: '', label: 'Choose…' },
  ...EMERGENCY_LIST.map((k) => ({ value: k, label: EMERGENCY_WORD[k] })),
];

interface RespondersEditorProps {
  content: DraftContent;
  set: (patch: Partial<DraftContent>) => void;
  errors: Record<string, string>;
  timeZone: string | undefined;
}

/** Police, EMS or fire (each only when called), injuries, damage and the help staff gave. */
export function RespondersEditor({ content, set, errors, timeZone }: RespondersEditorProps) {
  const { police, emergency } = content;
  const e = (path: string) => errors[path];
  return (
    <FormSection title="Police, EMS and harm">
      <label className="check field-wide">
        <input
          type="checkbox"
          checked={police !== null}
          onChange={(ev) => set({ police: ev.target.checked ? { ...EMPTY_POLICE } : null })}
        />
        Police were contacted
      </label>
      {police && (
        <>
          <TextField
            label="Police agency"
            value={police.agency}
            onChange={(agency) => set({ police: { ...police, agency } })}
            error={e('police.agency')}
          />
          <DateTimeField
            label="Police called at"
            value={police.calledAt}
            timeZone={timeZone}
            onChange={(calledAt) => set({ police: { ...police, calledAt } })}
            error={e('police.calledAt')}
          />
          <DateTimeField
            label="Police arrived at"
            value={police.arrivedAt}
            timeZone={timeZone}
            onChange={(arrivedAt) => set({ police: { ...police, arrivedAt } })}
            error={e('police.arrivedAt')}
            hint="Leave empty if they did not come."
          />
          <TextField
            label="Officer name"
            value={police.officerName}
            onChange={(officerName) => set({ police: { ...police, officerName } })}
            error={e('police.officerName')}
          />
          <TextField
            label="Badge number"
            value={police.badge}
            onChange={(badge) => set({ police: { ...police, badge } })}
            error={e('police.badge')}
          />
          <TextField
            label="Police case number"
            value={police.caseNumber}
            onChange={(caseNumber) => set({ police: { ...police, caseNumber } })}
            error={e('police.caseNumber')}
          />
        </>
      )}
      <label className="check field-wide">
        <input
          type="checkbox"
          checked={emergency !== null}
          onChange={(ev) => set({ emergency: ev.target.checked ? { ...EMPTY_EMERGENCY } : null })}
        />
        EMS or fire were called
      </label>
      {emergency && (
        <>
          <SelectField
            label="Who was called"
            value={emergency.kind ?? ''}
            options={KIND_OPTIONS}
            onChange={(kind) => set({ emergency: { ...emergency, kind: kind || null } })}
            error={e('emergency.kind')}
          />
          <TextField
            label="EMS or fire agency"
            value={emergency.agency}
            onChange={(agency) => set({ emergency: { ...emergency, agency } })}
            error={e('emergency.agency')}
          />
          <DateTimeField
            label="EMS or fire called at"
            value={emergency.calledAt}
            timeZone={timeZone}
            onChange={(calledAt) => set({ emergency: { ...emergency, calledAt } })}
            error={e('emergency.calledAt')}
          />
          <DateTimeField
            label="EMS or fire arrived at"
            value={emergency.arrivedAt}
            timeZone={timeZone}
            onChange={(arrivedAt) => set({ emergency: { ...emergency, arrivedAt } })}
            error={e('emergency.arrivedAt')}
          />
        </>
      )}
      <TextAreaField
        label="Injuries"
        value={content.injuries}
        onChange={(injuries) => set({ injuries })}
        rows={2}
        fieldClassName="field-wide"
        spellCheck
        hint="Who was hurt and how; leave empty if nobody was."
        error={e('injuries')}
      />
      <TextAreaField
        label="Property damage"
        value={content.propertyDamage}
        onChange={(propertyDamage) => set({ propertyDamage })}
        rows={2}
        fieldClassName="field-wide"
        spellCheck
        error={e('propertyDamage')}
      />
      <TextAreaField
        label="Staff assistance"
        value={content.staffAssistance}
        onChange={(staffAssistance) => set({ staffAssistance })}
        rows={2}
        fieldClassName="field-wide"
        spellCheck
        hint="Help staff gave: first aid, escorting, calling a guardian."
        error={e('staffAssistance')}
      />
    </FormSection>
  );
}
