import type { DragEvent } from 'react';
import type { Camera } from '../../../shared/contract';
import { STATE_WORD, healthOf, streamFor } from './status';

/** The drag payload type: only our own camera chips can be dropped on a slot. */
export const CAMERA_DRAG_TYPE = 'application/x-vigil-camera';

interface CameraPickerProps {
  cameras: readonly Camera[];
  picked: string | null;
  onPick: (cameraId: string | null) => void;
  whereOf: (camera: Camera) => string;
}

/**
 * Every camera of the filtered branches, to drag onto a slot, or (keyboard)
 * to pick here and then place with a slot's "Place in slot N" button.
 */
export function CameraPicker({ cameras, picked, onPick, whereOf }: CameraPickerProps) {
  function startDrag(e: DragEvent<HTMLButtonElement>, camera: Camera) {
    e.dataTransfer.setData(CAMERA_DRAG_TYPE, camera.id);
    e.dataTransfer.effectAllowed = 'move';
  }

  const pickedCamera = cameras.find((c) => c.id === picked);
  return (
    <section className="camera-picker" aria-labelledby="camera-picker-title">
      <p id="camera-picker-title" className="picker-lead">
        {pickedCamera ? (
          <>
            <strong>{pickedCamera.name}</strong> picked: choose “Place in slot” on the wall, or press Esc.
          </>
        ) : (
          'Drag a camera onto a slot, or pick one here and then choose its slot.'
        )}
      </p>
      {cameras.length === 0 ? (
        <p className="muted">No cameras in this branch.</p>
      ) : (
        <ul className="picker-list">
          {cameras.map((camera) => {
            const state = camera.enabled
              ? (healthOf(camera, streamFor(camera, false))?.state ?? 'connecting')
              : 'disabled';
            return (
              <li key={camera.id}>
                <button
                  type="button"
                  className="picker-chip"
                  draggable
                  aria-pressed={picked === camera.id}
                  onDragStart={(e) => startDrag(e, camera)}
                  onClick={() => onPick(picked === camera.id ? null : camera.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape' && picked) {
                      e.preventDefault();
                      onPick(null);
                    }
                  }}
                >
                  <span className="chip-name">{camera.name}</span>
                  <span className="chip-where">{whereOf(camera)}</span>
                  <span className={`chip-state state-${state}`}>{STATE_WORD[state]}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
