import { useCallback, useEffect, useState } from 'react';
import { call, type CallError } from '../../../lib/api';
import type { MaintenanceStatus } from '../../../../shared/contract';

const busy = (s: MaintenanceStatus | undefined) =>
  Boolean(s && ((s.journal && s.journal.finishedAt === null) || (s.backup.run && s.backup.run.finishedAt === null)));

/**
 * Settings → Journal and Backups read the same status: asked again every half second
 * while a check or a backup runs (its progress), every ten seconds otherwise.
 */
export function useMaintenanceStatus() {
  const [status, setStatus] = useState<MaintenanceStatus | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    void call('maintenance.status', {}).then((r) => {
      if (!current) return;
      if (r.ok) {
        setStatus(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      current = false;
    };
  }, [tick]);

  const running = busy(status);
  useEffect(() => {
    const timer = setTimeout(() => setTick((t) => t + 1), running ? 500 : 10_000);
    return () => clearTimeout(timer);
  }, [running, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { status, setStatus, error, reload, running };
}

/** "1,204 of 10,000 entries (12%)". */
export function progressWords(done: number, total: number, unit: string): string {
  if (total <= 0) return 'Starting…';
  const pct = Math.min(100, Math.floor((done / total) * 100));
  return `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${unit} (${pct}%)`;
}

export function bytesWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
