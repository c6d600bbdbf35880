import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { SelectField, TextField } from '../../../components/Field';
import { InlineForm } from '../../../components/InlineForm';
import type { Branch, CameraDetail, CameraKind } from '../../../../shared/contract';

/** Typed against the contract's CAMERA_KINDS, not imported from it as a value (that would bundle zod). */
const KIND_OPTIONS: readonly { value: CameraKind; label: string }[] = [
  { value: 'hls', label: 'HLS' },
  { value: 'rtsp', label: 'RTSP' },
];

const ADDRESS_HINT: Record<CameraKind, string> = {
  hls: 'The camera’s or recorder’s playlist address, for example http://nvr.local/cam1/index.m3u8',
  rtsp: 'For example rtsp://192.168.1.20:554/stream1. Vigil repackages it for the wall, without re-encoding.',
};

interface CameraFormProps {
  branches: readonly Branch[];
  /** The camera being edited; a new camera when absent. */
  camera?: CameraDetail;
  onSaved: (camera: CameraDetail) => void;
  onCancel: () => void;
}

export function CameraForm({ branches, camera, onSaved, onCancel }: CameraFormProps) {
  const [name, setName] = useState(camera?.name ?? '');
  const [branchId, setBranchId] = useState(camera?.branchId ?? branches[0]?.id ?? '');
  const [zoneId, setZoneId] = useState(camera?.zoneId ?? '');
  const [kind, setKind] = useState<CameraKind>(camera?.kind ?? 'hls');
  const [url, setUrl] = useState(camera?.url ?? '');
  const [gridUrl, setGridUrl] = useState(camera?.gridUrl ?? '');
  const [username, setUsername] = useState(camera?.username ?? '');
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const submit = useSubmit();

  const branch = branches.find((b) => b.id === branchId);
  const zones = (branch?.zones ?? []).filter((z) => !z.retired || z.id === camera?.zoneId);
  // A zone from another branch (after switching branch) is not a choice: fall back to the first one.
  const zoneValue = zones.some((z) => z.id === zoneId) ? zoneId : (zones[0]?.id ?? '');

  async function save() {
    const fields = {
      name,
      branchId,
      zoneId: zoneValue,
      kind,
      url,
      gridUrl: gridUrl.trim() || null,
      username: username.trim() || null,
    };
    const saved = await submit.run(() =>
      camera
        ? call('cameras.update', {
            id: camera.id,
            ...fields,
            // Left empty, the stored password stays; the box clears it.
            password: clearPassword ? null : password || undefined,
          })
        : call('cameras.add', { ...fields, password: password || null }),
    );
    if (saved) onSaved(saved);
  }

  const passwordHint = camera?.hasPassword
    ? 'A password is stored. Leave this empty to keep it.'
    : 'Only if the camera asks for one. It stays on this computer, encrypted.';

  return (
    <InlineForm
      title={camera ? `Edit ${camera.name}` : 'Add camera'}
      submitLabel="Save camera"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="camera-form"
    >
      <TextField label="Name" value={name} onChange={setName} error={submit.fieldError('name')} />
      <div className="form-row">
        <SelectField
          label="Branch"
          value={branchId}
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
          onChange={setBranchId}
          hint={branches.length === 0 ? 'Add a branch first, in Settings → Branches.' : undefined}
          error={submit.fieldError('branchId')}
        />
        <SelectField
          label="Zone"
          value={zoneValue}
          options={zones.map((z) => ({ value: z.id, label: z.name }))}
          onChange={setZoneId}
          hint={branch && zones.length === 0 ? `${branch.name} has no zones yet: add one in Branches.` : undefined}
          error={submit.fieldError('zoneId')}
        />
        <SelectField
          label="Kind"
          value={kind}
          options={KIND_OPTIONS}
          onChange={setKind}
          error={submit.fieldError('kind')}
        />
      </div>
      <TextField
        label="Address"
        type="url"
        value={url}
        onChange={setUrl}
        hint={ADDRESS_HINT[kind]}
        error={submit.fieldError('url')}
      />
      <TextField
        label="Grid address (optional)"
        type="url"
        value={gridUrl}
        onChange={setGridUrl}
        hint="A smaller stream of the same camera, used for the wall’s tiles."
        error={submit.fieldError('gridUrl')}
      />
      <div className="form-row">
        <TextField
          label="User name (optional)"
          value={username}
          onChange={setUsername}
          autoComplete="off"
          error={submit.fieldError('username')}
        />
        <TextField
          label="Password (optional)"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          disabled={clearPassword}
          hint={passwordHint}
          error={submit.fieldError('password')}
        />
      </div>
      {camera?.hasPassword && (
        <label className="checkbox">
          <input type="checkbox" checked={clearPassword} onChange={(e) => setClearPassword(e.target.checked)} />
          <span>Clear stored password</span>
        </label>
      )}
    </InlineForm>
  );
}
