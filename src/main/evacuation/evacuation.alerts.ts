import type { DeskAlert } from '../../shared/contract/alerts';
import { EVACUATION_WORDS } from '../../shared/call-words';
import type { AlertSource } from '../alerts/scheduler';
import type { EvacuationService } from './evacuation.service';

/**
 * An evacuation running is the most urgent thing on the desk: one urgent alert per
 * running evacuation, drills said to be drills. Derived from the records; a restart
 * rebuilds it (and the desk's banner) at once.
 */
export function evacuationAlerts(evacuations: EvacuationService): AlertSource {
  return {
    name: 'evacuation',
    alerts(): DeskAlert[] {
      return evacuations.running().map((e) => ({
        id: `evacuation:${e.id}`,
        kind: e.drill ? 'evacuation.drill' : 'evacuation.running',
        level: 'urgent',
        branchId: e.branchId,
        title: e.drill
          ? `DRILL: evacuation drill running at ${e.branchName}`
          : `EVACUATION running at ${e.branchName}: ${EVACUATION_WORDS[e.kind].toLowerCase()}`,
        detail: 'The coordinator’s screen is in the work panel',
        since: e.startedAt,
        work: { tab: 'calls', recordId: e.id },
      }));
    },
  };
}
