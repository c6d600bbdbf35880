import type { DeskKernel } from '../kernel';
import type { HoldKind } from '../../shared/contract/retention';
import type { SettingsService } from '../settings';
import type { VideoPurgePort } from './ports';
import type { PurgeDomains } from './purge';
import { RetentionRepo } from './retention.repo';
import { retentionHandlers } from './retention.handlers';
import { RetentionService } from './retention.service';

const TICK_MS = 60_000;

/**
 * Retention (issue 15): how long each kind of record is kept, the purge that removes
 * what is past its time for real (daily, on demand, or `vigil purge`), and legal holds.
 * Each domain answers for its own tables through the ports in ./ports.ts.
 */
export function createRetention(
  k: DeskKernel,
  ports: {
    settings: SettingsService;
    domains: PurgeDomains;
    video: VideoPurgePort;
    staffNames(ids: readonly string[]): Map<string, string>;
  },
) {
  const d = ports.domains;
  const labels = (kind: HoldKind, ids: readonly string[]) =>
    kind === 'person'
      ? d.people.labels(ids)
      : kind === 'incident'
        ? d.incidents.labels(ids)
        : kind === 'ban'
          ? d.bans.labels(ids)
          : d.calls.labels(ids);
  const service = new RetentionService({
    db: k.db,
    repo: new RetentionRepo(k.db),
    journal: k.journal,
    audit: k.audit,
    clock: k.clock,
    log: k.log,
    domains: d,
    video: ports.video,
    settings: ports.settings,
    staffNames: ports.staffNames,
    labels,
    changed: () => k.consoles.broadcast('retention.changed', {}),
  });
  let timer: NodeJS.Timeout | undefined;
  return {
    service,
    handlers: retentionHandlers(service),
    /** The daily purge's timer, for a desk that serves consoles. */
    start() {
      timer = setInterval(() => service.tick(), TICK_MS);
      timer.unref();
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
}

export type { RetentionService } from './retention.service';
export type { PurgeDomains } from './purge';
