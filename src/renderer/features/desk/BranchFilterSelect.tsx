import { useId } from 'react';
import { ALL_BRANCHES } from './useBranchFilter';
import type { BranchFilter } from './useBranchFilter';

export function BranchFilterSelect({ filter }: { filter: BranchFilter }) {
  const id = useId();
  return (
    <div className="branch-filter">
      <label htmlFor={id}>Branch filter</label>
      <select id={id} value={filter.value} onChange={(e) => filter.setValue(e.target.value)}>
        <option value={ALL_BRANCHES}>All branches</option>
        {filter.branches.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
}
