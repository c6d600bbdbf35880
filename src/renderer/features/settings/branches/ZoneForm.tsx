import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { SelectField, TextField } from '../../../components/Field';
import { InlineForm } from '../../../components/InlineForm';
import type { Branch, Zone } from '../../../../shared/contract';

type ZoneKind = Zone['kind'];
/** Typed against the contract, not imported from it as a value (that would bundle zod). */
export const zoneKindLabel: Record<ZoneKind, string> = { interior: 'Interior', exterior: 'Exterior' };
const KIND_OPTIONS = (Object.keys(zoneKindLabel) as ZoneKind[]).map((k) => ({ value: k, label: zoneKindLabel[k] }));

interface ZoneFormProps {
  branch: Branch;
  /** The zone being edited; a new zone of `branch` when absent. */
  zone?: Zone;
  onSaved: (branch: Branch) => void;
  onCancel: () => void;
}

export function ZoneForm({ branch, zone, onSaved, onCancel }: ZoneFormProps) {
  const [name, setName] = useState(zone?.name ?? '');
  const [kind, setKind] = useState<ZoneKind>(zone?.kind ?? 'interior');
  const [floor, setFloor] = useState(zone?.floor ?? '');
  const submit = useSubmit();

  async function save() {
    const fields = { name, kind, floor };
    const saved = await submit.run(() =>
      zone ? call('zones.update', { id: zone.id, ...fields }) : call('zones.add', { branchId: branch.id, ...fields }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title={zone ? `Edit zone ${zone.name}` : `Add zone to ${branch.name}`}
      submitLabel="Save zone"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="zone-form"
    >
      <TextField label="Zone name" value={name} onChange={setName} error={submit.fieldError('name')} />
      <SelectField
        label="Kind"
        value={kind}
        options={KIND_OPTIONS}
        onChange={setKind}
        error={submit.fieldError('kind')}
      />
      <TextField
        label="Floor"
        value={floor}
        onChange={setFloor}
        hint="Optional, for example 2 or Lower level."
        error={submit.fieldError('floor')}
        fieldClassName="field-short"
      />
    </InlineForm>
  );
}
