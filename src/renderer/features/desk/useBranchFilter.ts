import { useCallback, useState } from 'react';
import { useQuery } from '../../lib/useQuery';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import type { Branch } from '../../../shared/contract';

export const ALL_BRANCHES = 'all';

export interface BranchFilter {
  /** Active branches, in the order main gives them. */
  branches: Branch[];
  /** 'all' or the id of an active branch. */
  value: string;
  selected: Branch | undefined;
  setValue: (value: string) => void;
}

/** Which branch the desk is watching, remembered between starts; a retired branch falls back to all. */
export function useBranchFilter(): BranchFilter {
  const list = useQuery('branches.list', {}, { refetchOn: ['branches.changed'] });
  const [stored, setStored] = useState(() => readStored(STORAGE_KEYS.branchFilter) ?? ALL_BRANCHES);

  const branches = (list.value ?? []).filter((b) => !b.retired);
  const selected = branches.find((b) => b.id === stored);
  const value = selected ? stored : ALL_BRANCHES;

  const setValue = useCallback((next: string) => {
    writeStored(STORAGE_KEYS.branchFilter, next);
    setStored(next);
  }, []);

  return { branches, value, selected, setValue };
}
