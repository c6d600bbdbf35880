import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { Unseen } from '../../../components/Unseen';
import type { EvacuationPlan } from '../../../../shared/contract';

interface PlanCardProps {
  plan: EvacuationPlan;
  branchName: string;
  onSaved: () => void;
}

/** One branch's evacuation plan: the assembly point, the sweep target, and the zones in sweep order. */
export function PlanCard({ plan, branchName, onSaved }: PlanCardProps) {
  const [assemblyPoint, setAssemblyPoint] = useState(plan.assemblyPoint);
  const [target, setTarget] = useState(String(plan.sweepTargetMinutes));
  const [zones, setZones] = useState(plan.zones);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const submit = useSubmit();
  const titleId = `plan-${plan.branchId}`;

  function move(index: number, by: -1 | 1) {
    const next = [...zones];
    const [zone] = next.splice(index, 1);
    next.splice(index + by, 0, zone!);
    setZones(next);
    // The cursor stays on the zone that moved.
    requestAnimationFrame(() =>
      document
        .getElementById(`${titleId}-zone-${zone!.zoneId}`)
        ?.querySelector<HTMLElement>('.move-btn:not(:disabled)')
        ?.focus(),
    );
  }

  async function save() {
    const done = await submit.run(() =>
      call('evacuations.savePlan', {
        branchId: plan.branchId,
        assemblyPoint,
        sweepTargetMinutes: Number(target),
        zones: zones.map((z) => ({ zoneId: z.zoneId, assignee: z.assignee })),
      }),
    );
    if (!done) return;
    setSaid(`Saved the plan for ${branchName}.`);
    onSaved();
  }

  return (
    <form
      className="card plan-card"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4 id={titleId}>{branchName}</h4>
      <StatusNotice message={said} />
      <ErrorNotice error={submit.error} summarize />
      <div className="plan-fields">
        <TextField
          label="Assembly point"
          value={assemblyPoint}
          onChange={setAssemblyPoint}
          maxLength={300}
          placeholder="Where everyone gathers outside"
          fieldClassName="field-wide"
          error={submit.fieldError('assemblyPoint')}
        />
        <TextField
          label="Sweep target per zone (minutes)"
          type="number"
          min={1}
          max={30}
          value={target}
          onChange={setTarget}
          error={submit.fieldError('sweepTargetMinutes')}
        />
      </div>
      <table className="table plan-zones">
        <caption>Zones in sweep order</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Zone</th>
            <th scope="col">Usually swept by</th>
            <th scope="col">
              <Unseen>Order</Unseen>
            </th>
          </tr>
        </thead>
        <tbody>
          {zones.map((z, i) => (
            <tr key={z.zoneId} id={`${titleId}-zone-${z.zoneId}`}>
              <td>{i + 1}</td>
              <th scope="row">
                {z.name}
                {z.floor && <span className="muted"> · floor {z.floor}</span>}
              </th>
              <td>
                <label className="visually-hidden" htmlFor={`${titleId}-who-${z.zoneId}`}>
                  Usually swept by, {z.name}
                </label>
                <input
                  id={`${titleId}-who-${z.zoneId}`}
                  value={z.assignee}
                  maxLength={120}
                  onChange={(e) =>
                    setZones(zones.map((x) => (x.zoneId === z.zoneId ? { ...x, assignee: e.target.value } : x)))
                  }
                />
              </td>
              <td className="cell-actions">
                <Button small variant="quiet" className="move-btn" disabled={i === 0} onClick={() => move(i, -1)}>
                  Up<Unseen> — sweep {z.name} earlier</Unseen>
                </Button>
                <Button
                  small
                  variant="quiet"
                  className="move-btn"
                  disabled={i === zones.length - 1}
                  onClick={() => move(i, 1)}
                >
                  Down<Unseen> — sweep {z.name} later</Unseen>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {zones.length === 0 && <p className="muted">This branch has no zones yet (Settings → Branches).</p>}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          Save the plan<Unseen> for {branchName}</Unseen>
        </Button>
        {plan.updatedAt && <span className="muted small">Last saved by {plan.updatedBy ?? 'someone'}</span>}
      </div>
    </form>
  );
}
