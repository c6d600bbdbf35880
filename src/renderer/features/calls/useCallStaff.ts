import { useQuery } from '../../lib/useQuery';

/** Active staff by name (callers, responders, headcounts), refreshed when staff change. */
export function useCallStaff() {
  const staff = useQuery('calls.staff', {});
  return staff.value ?? [];
}

/** A name typed or picked: a staff member's when it is exactly one of theirs, free text otherwise. */
export function personNamed(name: string, staff: readonly { id: string; name: string }[]) {
  const typed = name.trim();
  const match = staff.find((s) => s.name.toLowerCase() === typed.toLowerCase());
  return match ? { staffId: match.id, name: match.name } : { staffId: null, name: typed };
}
