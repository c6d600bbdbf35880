import type { AgencyKind, CallChannel, CallNature, CallOutcome, CallPriority, CallStep } from './contract/calls';
import type { EvacuationKind, HeadcountStatus, ServiceKind } from './contract/evacuation';

/**
 * Words for calls and evacuations, one list for the screen, the alerts and the
 * printed report, so the desk reads the same word everywhere. No zod here: the
 * renderer imports this.
 */

export const NATURE_WORDS: Record<CallNature, string> = {
  disturbance: 'Disturbance',
  medical: 'Medical',
  'patron-help': 'Patron needs help',
  suspicious: 'Suspicious person or item',
  facility: 'Facility problem',
  other: 'Other',
};

export const CHANNEL_WORDS: Record<CallChannel, string> = { desk: 'desk', phone: 'phone', radio: 'radio' };

export const PRIORITY_WORDS: Record<CallPriority, string> = { urgent: 'Urgent', normal: 'Normal', low: 'Low' };

export const STATUS_WORDS: Record<CallStep, string> = {
  received: 'Waiting for a responder',
  responding: 'Responding',
  'on-scene': 'On scene',
  cleared: 'Cleared',
};

export const STEP_NAMES: Record<CallStep, string> = {
  received: 'Received',
  responding: 'Responding',
  'on-scene': 'On scene',
  cleared: 'Cleared',
};

export const OUTCOME_WORDS: Record<CallOutcome, string> = {
  resolved: 'Resolved',
  'patron-left': 'Patron left',
  'police-took-over': 'Police took over',
  referred: 'Referred',
  'no-action': 'No action needed',
};

export const AGENCY_WORDS: Record<AgencyKind, string> = { police: 'Police', ems: 'EMS', fire: 'Fire' };

export const EVACUATION_WORDS: Record<EvacuationKind, string> = {
  'fire-alarm': 'Fire alarm',
  drill: 'Evacuation drill',
  'bomb-threat': 'Bomb threat',
  'shelter-in-place': 'Severe weather: shelter in place',
  hazmat: 'Hazardous material',
  other: 'Other emergency',
};

export const SERVICE_WORDS: Record<ServiceKind, string> = {
  fire: 'Fire department',
  police: 'Police',
  ems: 'EMS',
  other: 'Other service',
};

export const HEADCOUNT_WORDS: Record<HeadcountStatus, string> = {
  accounted: 'Accounted for',
  missing: 'Not accounted for',
  'off-site': 'Not on site',
};

/** "4 min 05 s", "45 s", "1 h 02 min": a duration as the desk says it. */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
