import type { ResourceKind } from './contract/resources';
import type { EntryKind } from './contract/shifts';

/**
 * Words for the shift log, community resources and the daily report, one list for the
 * screen, the alerts and the printed pages. No zod here: the renderer imports this.
 */

export const RESOURCE_KIND_WORDS: Record<ResourceKind, string> = {
  shelter: 'Shelter',
  'crisis-line': 'Crisis line',
  meals: 'Meals',
  'mental-health': 'Mental health',
  'substance-use': 'Substance use',
  youth: 'Youth',
  'domestic-violence': 'Domestic violence',
  'legal-aid': 'Legal aid',
  medical: 'Medical',
};

export const ENTRY_KIND_WORDS: Record<EntryKind, string> = {
  note: 'Note',
  phone: 'Phone call',
  voicemail: 'Voicemail',
  'pass-on': 'Pass on',
};

/** A referral card holds this many services at most: more would not fit half a page in large type. */
export const CARD_MAX = 4;

/** How long a pass-on note asks to be read: a week-old handover is history, not news. */
export const PASS_ON_DAYS = 7;

/** The branch words for a record kept for every branch (a central desk). */
export const ALL_BRANCHES = 'All branches';
