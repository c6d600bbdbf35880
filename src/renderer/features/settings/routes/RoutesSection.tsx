import { useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SelectField } from '../../../components/Field';
import { Unseen } from '../../../components/Unseen';
import type { Branch, Route } from '../../../../shared/contract';
import { SectionHeader } from '../SectionHeader';
import { RouteForm } from './RouteForm';

/** Patrol routes per branch: checkpoints in order, how often a round is due while open, and its grace. */
export function RoutesSection() {
  const branches = useQuery('branches.list', {}, { refetchOn: ['branches.changed'] });
  const active = (branches.value ?? []).filter((b) => !b.retired);
  const [chosen, setChosen] = useState('');
  const branch = active.find((b) => b.id === chosen) ?? active[0];
  return (
    <section aria-labelledby="routes-title" className="settings-section">
      <SectionHeader id="routes-title" title="Patrol routes">
        The rounds the desk walks at each branch, inside and out. A round is due at its interval while the branch is
        open, and overdue past its grace.
      </SectionHeader>
      <ErrorNotice error={branches.error} />
      {active.length === 0 && !branches.loading && <p className="muted">Add a branch first (Branches).</p>}
      {branch && (
        <>
          <SelectField
            label="Branch"
            value={branch.id}
            options={active.map((b) => ({ value: b.id, label: b.name }))}
            onChange={setChosen}
            fieldClassName="branch-pick"
          />
          <BranchRoutes key={branch.id} branch={branch} />
        </>
      )}
    </section>
  );
}

function BranchRoutes({ branch }: { branch: Branch }) {
  const routes = useQuery('rounds.routes', { branchId: branch.id }, { refetchOn: ['rounds.changed'] });
  const [editing, setEditing] = useState<Route | 'new' | null>(null);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const retire = useSubmit();

  function saved(message: string) {
    setEditing(null);
    setStatus(message);
    routes.reload();
  }

  return (
    <div className="branch-routes">
      <StatusNotice message={status} />
      <ErrorNotice error={routes.error ?? retire.error} />
      <div className="form-actions">
        <Button variant="primary" onClick={() => setEditing('new')}>
          Add route<Unseen> at {branch.name}</Unseen>
        </Button>
      </div>
      {editing === 'new' && (
        <RouteForm branch={branch} onSaved={(r) => saved(`Added ${r.name}.`)} onCancel={() => setEditing(null)} />
      )}
      {routes.value?.length === 0 && <p className="muted">No routes at {branch.name} yet.</p>}
      {routes.value?.map((r) => (
        <article key={r.id} className={`route-card${r.retired ? ' is-retired' : ''}`} aria-labelledby={`route-${r.id}`}>
          <div className="branch-head">
            <h4 id={`route-${r.id}`}>
              {r.name}
              {r.retired && <span className="badge badge-retired">Retired</span>}
            </h4>
            <span className="row-actions">
              <Button small onClick={() => setEditing(r)}>
                Edit<Unseen> {r.name}</Unseen>
              </Button>
              <Button
                small
                disabled={retire.pending}
                onClick={() =>
                  void retire
                    .run(() => call('rounds.setRouteRetired', { routeId: r.id, retired: !r.retired }))
                    .then((x) => {
                      if (x) saved(`${x.name} is ${x.retired ? 'retired' : 'back in use'}.`);
                    })
                }
              >
                {r.retired ? 'Restore' : 'Retire'}
                <Unseen> {r.name}</Unseen>
              </Button>
            </span>
          </div>
          <p className="muted">
            Every {r.intervalMinutes} min while open · first {r.firstAfterMinutes} min after opening · overdue after{' '}
            {r.graceMinutes} min · at least {r.minGapSeconds} s between checkpoints · version {r.version}
          </p>
          <ol className="route-summary">
            {r.checkpoints.map((c) => (
              <li key={c.id}>
                {c.zoneName}
                {c.zoneKind === 'exterior' && <span className="muted"> (exterior)</span>}
                {c.instructions && <span className="muted"> — {c.instructions}</span>}
              </li>
            ))}
          </ol>
          {editing !== 'new' && editing?.id === r.id && (
            <RouteForm
              branch={branch}
              route={r}
              onSaved={(x) => saved(`Saved ${x.name} (version ${x.version}).`)}
              onCancel={() => setEditing(null)}
            />
          )}
        </article>
      ))}
    </div>
  );
}
