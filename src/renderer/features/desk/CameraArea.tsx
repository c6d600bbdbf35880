import { EmptyState } from '../../components/EmptyState';
import type { Branch } from '../../../shared/contract';

/** The camera wall. It keeps its place while the work panel beside it changes. */
export function CameraArea({ branch, widthPercent }: { branch: Branch | undefined; widthPercent: number }) {
  return (
    <section className="camera-area" aria-label="Cameras" style={{ flexBasis: `${widthPercent}%` }}>
      <div className="area-head">
        <h2 className="area-title">Cameras</h2>
        <span className="area-scope">{branch ? branch.name : 'All branches'}</span>
      </div>
      <EmptyState title="No cameras are set up yet">
        <p>Live camera views will appear here once cameras are added.</p>
        <p>
          An administrator adds cameras in <strong>Settings → Cameras</strong>, which arrives in a later release of
          Vigil.
        </p>
      </EmptyState>
    </section>
  );
}
