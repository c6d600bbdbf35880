import { describe, expect, it } from 'vitest';
import type { DeskAlert } from '../../shared/contract/alerts';
import { ManualClock } from '../clock';
import { AlertScheduler } from './scheduler';

const alert = (id: string, level: DeskAlert['level'], since: string): DeskAlert => ({
  id,
  kind: 'test',
  level,
  branchId: null,
  title: id,
  detail: '',
  since,
  work: { tab: 'rounds', recordId: null },
});

describe('AlertScheduler', () => {
  it('orders by urgency then age, tells only on change, filters by audience, and survives a failing source', () => {
    const clock = new ManualClock(Date.parse('2026-11-30T19:00:00Z'));
    let changes = 0;
    const logged: string[] = [];
    const s = new AlertScheduler(
      clock,
      (m) => logged.push(m),
      () => changes++,
    );
    let overdue = false;
    s.register({
      name: 'rounds',
      alerts: (now) => [
        alert('due', 'notice', '2026-11-30T18:00:00Z'),
        ...(overdue ? [alert('overdue', 'urgent', now.toISOString())] : []),
      ],
    });
    s.register({
      name: 'bans',
      audience: ['supervisor', 'admin'],
      alerts: () => [alert('approve', 'warning', '2026-11-30T17:00:00Z')],
    });
    s.register({
      name: 'broken',
      alerts: () => {
        throw new Error('boom');
      },
    });
    s.refresh();
    expect(changes).toBe(1);
    expect(s.list('officer').map((a) => a.id)).toEqual(['due']);
    expect(s.list('supervisor').map((a) => a.id)).toEqual(['approve', 'due']);
    expect(logged).toEqual(['alert source broken failed']);
    s.refresh();
    expect(changes).toBe(1);
    overdue = true;
    s.refresh();
    expect(changes).toBe(2);
    expect(s.list('admin').map((a) => a.id)).toEqual(['overdue', 'approve', 'due']);
  });
});
