import { Suspense, lazy } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { useCameraList } from '../cameras/useCameraList';
import type { BranchFilter } from './useBranchFilter';
import type { ReplayRequest, Spotlight } from './deskActions';

// The wall brings hls.js (half a megabyte): loaded only once there are cameras to show.
const CameraWall = lazy(() => import('../cameras/CameraWall').then((m) => ({ default: m.CameraWall })));

interface CameraAreaProps {
  filter: BranchFilter;
  staffId: string;
  widthPercent: number;
  /** A work panel asked for a zone's camera large. */
  spotlight: Spotlight | undefined;
  /** A report asked to replay a camera at a moment. */
  replayRequest: ReplayRequest | undefined;
  onReportStarted: (draftId: string) => void;
}

/** The camera wall. It keeps its place while the work panel beside it changes. */
export function CameraArea({
  filter,
  staffId,
  widthPercent,
  spotlight,
  replayRequest,
  onReportStarted,
}: CameraAreaProps) {
  const { cameras, mediaBase, error } = useCameraList();
  const branch = filter.selected;
  return (
    <section className="camera-area" aria-label="Cameras" style={{ flexBasis: `${widthPercent}%` }}>
      <div className="area-head">
        <h2 className="area-title">Cameras</h2>
        <span className="area-scope">{branch ? branch.name : 'All branches'}</span>
      </div>
      <ErrorNotice error={error} />
      {cameras?.length === 0 && (
        <EmptyState title="No cameras are set up yet">
          <p>Live camera views will appear here once cameras are added.</p>
          <p>
            An administrator adds cameras in <strong>Settings → Cameras</strong>, one by one or from a camera file.
          </p>
        </EmptyState>
      )}
      {cameras && cameras.length > 0 && (
        <Suspense fallback={<p className="muted">Starting the camera wall…</p>}>
          <CameraWall
            cameras={cameras}
            mediaBase={mediaBase}
            branches={filter.branches}
            branch={branch}
            staffId={staffId}
            spotlight={spotlight}
            replayRequest={replayRequest}
            onReportStarted={onReportStarted}
          />
        </Suspense>
      )}
    </section>
  );
}
