import type { ReactNode } from 'react';
import type { BanSummary } from '../../../shared/contract';
import { TONE_MARK, banTone, banWord, inForce } from './words';
import type { Tone } from './words';

/** A status in words with its tone's colour and mark beside it: never colour alone. */
export function ToneWords({
  tone,
  children,
  large,
  className,
}: {
  tone: Tone;
  children: ReactNode;
  large?: boolean;
  className?: string;
}) {
  return (
    <span className={`tone tone-${tone}${large ? ' tone-large' : ''}${className ? ` ${className}` : ''}`}>
      <span className="tone-mark" aria-hidden="true">
        {TONE_MARK[tone]}
      </span>
      <span className="tone-text">{children}</span>
    </span>
  );
}

/** A ban's short status word ("Banned", "Services suspended", "Meeting required"). */
export function BanStatusWord({ ban }: { ban: Pick<BanSummary, 'status' | 'privileges'> }) {
  return <ToneWords tone={banTone(ban)}>{banWord(ban)}</ToneWords>;
}

/**
 * The tone of main's sentence for a person's standing, from the ban it speaks of:
 * kept out of the building (red), a service suspended or a meeting required before
 * return (amber), a ban not in force yet (blue), or not banned (green).
 */
export function standingTone(ban: Pick<BanSummary, 'status' | 'privileges'> | undefined): Tone {
  if (!ban) return 'ok';
  switch (ban.status) {
    case 'active':
    case 'underAppeal':
      return ban.privileges.includes('building') ? 'danger' : 'warn';
    case 'awaitingReinstatement':
      return 'warn';
    case 'scheduled':
    case 'pendingApproval':
      return 'info';
    default:
      return 'ok';
  }
}

/** The ban main's standing sentence speaks of: the one whose words it is, else the first in force. */
export function standingBan<B extends Pick<BanSummary, 'status' | 'statusWords' | 'privileges'>>(
  bans: readonly B[],
  words: string,
): B | undefined {
  return bans.find((b) => b.statusWords === words) ?? bans.find((b) => inForce(b.status));
}
