import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { zoneOf } from '../desk-time';
import { timeFormat } from '../reports/format';
import { localDate } from '../../shared/opening-hours';
import type { CommunityPorts, CommunityService } from './community.service';
import { renderReferralCard } from './referral-card-pdf';

/** No setting names the library system yet (the closing reports say the same). */
const LIBRARY_NAME = 'Public Library';

/**
 * The referral card, made in main so both shells hand out the same file: the card is
 * drawn first, then the referral counted, so a card that could not be made is not counted.
 */
export class ReferralCards {
  constructor(
    private readonly community: CommunityService,
    private readonly ports: CommunityPorts,
    private readonly clock: Clock,
  ) {}

  async card(resourceIds: readonly string[], branchId: string | null, staffId: string) {
    const chosen = this.community.chosen(resourceIds);
    const zone = zoneOf(branchId, this.ports.branches);
    const now = this.clock.now();
    const day = timeFormat(zone).when(now.toISOString()).split(',')[0]!;
    const place = branchId ? (this.ports.branches.find(branchId)?.name ?? LIBRARY_NAME) : LIBRARY_NAME;
    const bytes = await renderReferralCard(chosen, { library: LIBRARY_NAME, place, printedOn: day, createdAt: now });
    this.community.refer(resourceIds, branchId, true, staffId);
    return {
      fileName: `Referral-card-${localDate(now.getTime(), zone)}.pdf`,
      pdfBase64: bytes.toString('base64'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
}
