import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { InlineForm } from '../../../components/InlineForm';
import { TextField } from '../../../components/Field';
import { Unseen } from '../../../components/Unseen';
import type { Branch, Route } from '../../../../shared/contract';

interface Stop {
  key: string;
  id?: string;
  zoneId: string;
  instructions: string;
}

let nextKey = 0;

interface RouteFormProps {
  branch: Branch;
  route?: Route;
  onSaved: (route: Route) => void;
  onCancel: () => void;
}

/** A patrol route: its checkpoints in walking order, what to look for at each, and how often it is due. */
export function RouteForm({ branch, route, onSaved, onCancel }: RouteFormProps) {
  const zones = branch.zones.filter((z) => !z.retired);
  const [name, setName] = useState(route?.name ?? '');
  const [stops, setStops] = useState<Stop[]>(
    () =>
      route?.checkpoints.map((c) => ({
        key: `s${nextKey++}`,
        id: c.id,
        zoneId: c.zoneId,
        instructions: c.instructions,
      })) ?? [],
  );
  const [interval, setIntervalText] = useState(String(route?.intervalMinutes ?? 60));
  const [first, setFirst] = useState(String(route?.firstAfterMinutes ?? 30));
  const [grace, setGrace] = useState(String(route?.graceMinutes ?? 15));
  const [gap, setGap] = useState(String(route?.minGapSeconds ?? 45));
  const submit = useSubmit();

  const set = (key: string, patch: Partial<Stop>) =>
    setStops(stops.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) => {
    const next = [...stops];
    const [stop] = next.splice(index, 1);
    next.splice(index + by, 0, stop!);
    setStops(next);
  };

  async function save() {
    const saved = await submit.run(() =>
      call('rounds.saveRoute', {
        ...(route ? { routeId: route.id } : {}),
        branchId: branch.id,
        name,
        checkpoints: stops.map(({ id, zoneId, instructions }) => ({ ...(id ? { id } : {}), zoneId, instructions })),
        intervalMinutes: Number(interval),
        firstAfterMinutes: Number(first),
        graceMinutes: Number(grace),
        minGapSeconds: Number(gap),
      }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title={route ? `Edit ${route.name}` : `Add a route at ${branch.name}`}
      submitLabel="Save route"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="route-form"
    >
      <TextField
        label="Route name"
        value={name}
        onChange={setName}
        hint="For example Interior round."
        error={submit.fieldError('name')}
      />
      <TextField
        label="A round every (minutes)"
        type="number"
        value={interval}
        onChange={setIntervalText}
        error={submit.fieldError('intervalMinutes')}
      />
      <TextField
        label="First round after opening (minutes)"
        type="number"
        value={first}
        onChange={setFirst}
        error={submit.fieldError('firstAfterMinutes')}
      />
      <TextField
        label="Overdue after (minutes’ grace)"
        type="number"
        value={grace}
        onChange={setGrace}
        error={submit.fieldError('graceMinutes')}
      />
      <TextField
        label="Least time between checkpoints (seconds)"
        type="number"
        value={gap}
        onChange={setGap}
        hint="A round reaching checkpoints faster is flagged in its history, never stopped. 0: no minimum."
        error={submit.fieldError('minGapSeconds')}
      />
      <fieldset className="route-stops">
        <legend>Checkpoints, in walking order</legend>
        {submit.fieldError('checkpoints') && <p className="field-error">{submit.fieldError('checkpoints')}</p>}
        <ol>
          {stops.map((s, i) => {
            const n = `checkpoint ${i + 1}`;
            return (
              <li key={s.key} className="route-stop">
                <select
                  aria-label={`Zone of ${n}`}
                  value={s.zoneId}
                  onChange={(e) => set(s.key, { zoneId: e.target.value })}
                >
                  {zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {z.name} ({z.kind})
                    </option>
                  ))}
                </select>
                <input
                  type="text"
                  aria-label={`What to look for at ${n}`}
                  placeholder="What to look for (optional)"
                  value={s.instructions}
                  onChange={(e) => set(s.key, { instructions: e.target.value })}
                />
                <span className="row-actions">
                  <Button small variant="quiet" disabled={i === 0} onClick={() => move(i, -1)}>
                    Up<Unseen> ({n})</Unseen>
                  </Button>
                  <Button small variant="quiet" disabled={i === stops.length - 1} onClick={() => move(i, 1)}>
                    Down<Unseen> ({n})</Unseen>
                  </Button>
                  <Button small variant="quiet" onClick={() => setStops(stops.filter((x) => x.key !== s.key))}>
                    Remove<Unseen> {n}</Unseen>
                  </Button>
                </span>
                {submit.fieldError(`checkpoints.${i}.zoneId`) && (
                  <p className="field-error">{submit.fieldError(`checkpoints.${i}.zoneId`)}</p>
                )}
              </li>
            );
          })}
        </ol>
        <Button
          small
          disabled={zones.length === 0}
          onClick={() => setStops([...stops, { key: `s${nextKey++}`, zoneId: zones[0]!.id, instructions: '' }])}
        >
          Add checkpoint
        </Button>
      </fieldset>
    </InlineForm>
  );
}
