import { useState } from 'react';
import type { DragEvent } from 'react';
import { Button } from '../../components/Button';
import type { Result } from '../../lib/api';
import type { Camera, Snapshot } from '../../../shared/contract';
import { CameraTile } from './CameraTile';
import { CAMERA_DRAG_TYPE } from './CameraPicker';

interface WallGridProps {
  columns: number;
  slots: readonly (string | null)[];
  cameras: ReadonlyMap<string, Camera>;
  /** Cameras the branch filter lets through. */
  shown: ReadonlySet<string>;
  mediaBase: string;
  /** False while one camera is shown large: the tiles stop loading. */
  active: boolean;
  /** A camera is replayed large: the wall goes on playing live in a row beneath it. */
  strip?: boolean;
  picking: boolean;
  onPlace: (slot: number, cameraId: string) => void;
  /** Places the camera picked in the camera list (the keyboard way to drag). */
  onPlacePicked: (slot: number) => void;
  onOpen: (cameraId: string) => void;
  onSnapshot: (camera: Camera, result: Result<Snapshot>) => void;
  onReport: (camera: Camera, snapshot: Result<Snapshot>) => void;
  onReplay: (camera: Camera) => void;
  onBookmark: (camera: Camera, at: string | null) => void;
}

/** The slots of the wall, each a drop target for a camera. */
export function WallGrid(props: WallGridProps) {
  const { columns, slots, cameras, shown, mediaBase, active, picking } = props;
  const { onPlace, onPlacePicked, onOpen, onSnapshot, onReport, onReplay, onBookmark, strip = false } = props;
  const [dropTarget, setDropTarget] = useState<number | null>(null);

  function dragOver(e: DragEvent<HTMLDivElement>, slot: number) {
    if (!e.dataTransfer.types.includes(CAMERA_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setDropTarget(slot);
  }

  function drop(e: DragEvent<HTMLDivElement>, slot: number) {
    const id = e.dataTransfer.getData(CAMERA_DRAG_TYPE);
    setDropTarget(null);
    if (!id) return;
    e.preventDefault();
    onPlace(slot, id);
  }

  return (
    <div className={`wall-stage${strip ? ' wall-strip' : ''}`} hidden={!active}>
      <div
        className={`wall-grid columns-${columns}`}
        aria-label={strip ? 'Live cameras' : undefined}
        role={strip ? 'group' : undefined}
      >
        {slots.map((id, slot) => {
          const camera = id ? cameras.get(id) : undefined;
          return (
            <div
              key={slot}
              className={`slot${dropTarget === slot ? ' is-drop-target' : ''}`}
              onDragOver={(e) => dragOver(e, slot)}
              onDragLeave={() => setDropTarget((t) => (t === slot ? null : t))}
              onDrop={(e) => drop(e, slot)}
            >
              {camera && shown.has(camera.id) ? (
                <CameraTile
                  camera={camera}
                  mediaBase={mediaBase}
                  active={active}
                  keepPlaying={strip}
                  onOpen={() => onOpen(camera.id)}
                  onSnapshot={onSnapshot}
                  onReport={onReport}
                  onReplay={onReplay}
                  onBookmark={onBookmark}
                />
              ) : (
                <div className="slot-empty">
                  <span className="slot-number">Slot {slot + 1}</span>
                  <span>{camera ? `${camera.name} is hidden by the branch filter` : 'Empty: drag a camera here'}</span>
                </div>
              )}
              {picking && (
                <Button variant="primary" className="slot-place" onClick={() => onPlacePicked(slot)}>
                  Place in slot {slot + 1}
                </Button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
