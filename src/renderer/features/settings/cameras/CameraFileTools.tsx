import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { call } from '../../../lib/api';
import { Button } from '../../../components/Button';
import { downloadFile } from '../../../lib/downloadFile';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const download = (text: string, fileName: string) => downloadFile(text, 'application/json', fileName);

interface CameraFileToolsProps {
  onDone: (message: string) => void;
}

/**
 * Import and export of the camera file. Import is all or nothing: when main
 * refuses the file, its message lists every problem with its entry number,
 * shown here line by line so the whole file can be fixed in one go.
 */
export function CameraFileTools({ onDone }: CameraFileToolsProps) {
  const [problems, setProblems] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    const json = await file.text();
    // Cleared so the same file, once fixed, can be chosen again.
    input.value = '';
    const result = await call('cameras.import', { json });
    setBusy(false);
    if (!result.ok) return setProblems(`${result.error.message}\nFile: ${file.name}`);
    setProblems(undefined);
    const { imported, zonesCreated } = result.value;
    onDone(`Imported ${plural(imported, 'camera')} (${plural(zonesCreated, 'new zone')}).`);
  }

  async function exportFile() {
    setBusy(true);
    const result = await call('cameras.export', {});
    setBusy(false);
    if (!result.ok) return setProblems(result.error.message);
    setProblems(undefined);
    download(result.value.json, 'vigil-cameras.json');
    onDone('Exported the cameras to vigil-cameras.json (without passwords).');
  }

  return (
    <div className="camera-file-tools">
      <label className={`btn btn-secondary file-button${busy ? ' is-busy' : ''}`}>
        Import cameras
        <input
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          disabled={busy}
          onChange={(e) => void importFile(e)}
        />
      </label>
      <Button onClick={() => void exportFile()} disabled={busy}>
        Export cameras
      </Button>
      <span className="muted small">A JSON file listing each camera’s name, branch, zone, kind and address.</span>
      <div role="alert" className={problems ? 'notice notice-error import-problems' : 'notice-empty'}>
        {problems && (
          <>
            <span className="notice-icon" aria-hidden="true">
              ⚠
            </span>
            <span className="import-lines">{problems}</span>
          </>
        )}
      </div>
    </div>
  );
}
