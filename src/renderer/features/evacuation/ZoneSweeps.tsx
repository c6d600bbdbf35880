import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { isTypingTarget } from '../../lib/keys';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Unseen } from '../../components/Unseen';
import type { EvacuationRecord, ZoneSweep } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import { clockAt, timer } from '../calls/time';
import type { RecordEntry } from './useEvacuation';

interface ZoneSweepsProps {
  record: EvacuationRecord;
  now: Date;
  pending: boolean;
  onRecord: RecordEntry;
}

type Asking = { zone: ZoneSweep; kind: 'not-clear' | 'unsweep' | 'assign' } | null;

/**
 * The branch's zones in sweep order: who sweeps each, swept clear or not, when and by
 * whom, and the time against the target while it is pending. Up/Down move between
 * zones (their camera comes up large); C marks the zone swept clear, N not clear,
 * U takes a sweep back, E changes who sweeps it.
 */
export function ZoneSweeps({ record: r, now, pending, onRecord: recordEntry }: ZoneSweepsProps) {
  const { showZone } = useDeskActions();
  const [asking, setAsking] = useState<Asking>(null);
  const [text, setText] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const elapsed = now.getTime() - Date.parse(r.startedAt);
  const target = r.sweepTargetSeconds * 1000;
  const swept = r.zones.filter((z) => z.state === 'clear').length;

  const sweep = (z: ZoneSweep) => recordEntry({ kind: 'sweep', zoneId: z.zoneId, result: 'clear' });
  function ask(zone: ZoneSweep, kind: NonNullable<Asking>['kind']) {
    setText(kind === 'assign' ? zone.assignee : '');
    setAsking({ zone, kind });
  }
  async function answer() {
    if (!asking) return;
    const { zone, kind } = asking;
    const ok =
      kind === 'assign'
        ? await recordEntry({ kind: 'assign', zoneId: zone.zoneId, assignee: text })
        : kind === 'unsweep'
          ? await recordEntry({ kind: 'unsweep', zoneId: zone.zoneId, reason: text })
          : await recordEntry({ kind: 'sweep', zoneId: zone.zoneId, result: 'not-clear', note: text });
    if (ok) setAsking(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || !r.running) return;
    const rows = [...(tableRef.current?.querySelectorAll<HTMLElement>('.zone-name') ?? [])];
    const at = rows.findIndex((el) => el.closest('tr')?.contains(e.target as Node));
    if (at < 0) return;
    const zone = r.zones[at]!;
    const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 };
    if (key in moves) {
      e.preventDefault();
      rows[Math.max(0, Math.min(rows.length - 1, moves[key]!))]?.focus();
    } else if (key === 'C' && zone.state === 'pending') {
      e.preventDefault();
      void sweep(zone);
    } else if (key === 'N' && zone.state === 'pending') {
      e.preventDefault();
      ask(zone, 'not-clear');
    } else if (key === 'U' && zone.state !== 'pending') {
      e.preventDefault();
      ask(zone, 'unsweep');
    } else if (key === 'E') {
      e.preventDefault();
      ask(zone, 'assign');
    }
  }

  return (
    <section className="coord-section sweeps" aria-labelledby="sweeps-title">
      <div className="coord-section-head">
        <h3 id="sweeps-title">
          Zone sweeps: {swept} of {r.zones.length} clear
        </h3>
        <span className="muted small">
          Target {timer(target)} per zone{r.running ? ' · keys: C clear, N not clear, U undo, E who sweeps' : ''}
        </span>
      </div>
      {asking && (
        <form
          className="step-form"
          aria-label={`${asking.zone.name}: ${asking.kind === 'assign' ? 'who sweeps' : asking.kind === 'unsweep' ? 'take the sweep back' : 'not clear'}`}
          onSubmit={(e) => {
            e.preventDefault();
            void answer();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            setAsking(null);
          }}
        >
          <TextField
            label={
              asking.kind === 'assign'
                ? `Who sweeps ${asking.zone.name}`
                : asking.kind === 'unsweep'
                  ? `Why take back the sweep of ${asking.zone.name}`
                  : `What is wrong in ${asking.zone.name}`
            }
            value={text}
            onChange={setText}
            autoFocus
            maxLength={500}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" disabled={pending}>
              {asking.kind === 'assign' ? 'Assign' : asking.kind === 'unsweep' ? 'Take back' : 'Mark not clear'}
            </Button>
            <Button variant="quiet" onClick={() => setAsking(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <table className="table sweep-table" ref={tableRef} onKeyDown={onKeyDown}>
        <caption className="visually-hidden">Zones in sweep order</caption>
        <thead>
          <tr>
            <th scope="col">Zone, who sweeps it</th>
            <th scope="col">Status</th>
            <th scope="col">
              <Unseen>Actions</Unseen>
            </th>
          </tr>
        </thead>
        <tbody>
          {r.zones.map((z) => {
            const over = z.state === 'pending' && elapsed > target;
            return (
              <tr key={z.zoneId} className={`sweep-${z.state}${over ? ' is-over' : ''}`}>
                <th scope="row">
                  <button
                    type="button"
                    className="zone-name"
                    onFocus={() => showZone(z.zoneId)}
                    onClick={() => showZone(z.zoneId)}
                    title="Show this zone's camera large"
                  >
                    {z.name}
                    {z.floor && <span className="muted"> · floor {z.floor}</span>}
                  </button>
                  <span className="sweeper">
                    {z.assignee || <span className="muted">Nobody assigned</span>}
                    {r.running && (
                      <Button small variant="quiet" className="assign" onClick={() => ask(z, 'assign')}>
                        Change<Unseen> who sweeps {z.name}</Unseen>
                      </Button>
                    )}
                  </span>
                </th>
                <td className="sweep-status">
                  {z.state === 'pending' ? (
                    <>
                      <strong className="status-word">{over ? 'OVER TARGET' : 'Not swept'}</strong>{' '}
                      <span className="sweep-clock">
                        {over ? `by ${timer(elapsed - target)}` : `${timer(elapsed)} of ${timer(target)}`}
                      </span>
                    </>
                  ) : (
                    <>
                      <strong className="status-word">{z.state === 'clear' ? 'Swept clear' : 'NOT CLEAR'}</strong>{' '}
                      <span>
                        {clockAt(z.at!, r.branch.timeZone)} (+{timer(Date.parse(z.at!) - Date.parse(r.startedAt))})
                        {z.by && ` by ${z.by}`}
                      </span>
                      {z.note && <span className="muted"> — {z.note}</span>}
                    </>
                  )}
                </td>
                <td className="cell-actions">
                  {r.running && z.state === 'pending' && (
                    <>
                      <Button small variant="primary" disabled={pending} onClick={() => void sweep(z)}>
                        Swept clear<Unseen> in {z.name}</Unseen>
                      </Button>
                      <Button small disabled={pending} onClick={() => ask(z, 'not-clear')}>
                        Not clear<Unseen> in {z.name}</Unseen>
                      </Button>
                    </>
                  )}
                  {r.running && z.state !== 'pending' && (
                    <Button small variant="quiet" onClick={() => ask(z, 'unsweep')}>
                      Undo<Unseen> the sweep of {z.name}</Unseen>
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {r.zones.length === 0 && <p className="muted">This branch has no zones: add them in Settings → Branches.</p>}
    </section>
  );
}
