import { useState } from 'react';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Unseen } from '../../components/Unseen';
import type { Option } from '../../components/Field';
import type { Branch, GuidelineRule } from '../../../shared/contract';
import { PersonPicker } from './PersonPicker';
import type { SearchFilters } from './useIncidentSearch';
import { STATUS_OPTIONS, STATUS_WORD } from './words';
import type { FiledStatus } from './words';

interface SearchFiltersProps {
  filters: SearchFilters;
  onChange: (patch: Partial<SearchFilters>) => void;
  onClear: () => void;
  branches: readonly Branch[];
  rules: readonly GuidelineRule[];
  /** Reporters seen so far, plus the person signed in: staff.list is for administrators only. */
  reporters: readonly { id: string; name: string }[];
}

/** The narrowing choices below the search box: branch, days, rule, status, person, reporter. */
export function SearchFiltersForm({ filters, onChange, onClear, branches, rules, reporters }: SearchFiltersProps) {
  const [personName, setPersonName] = useState('');
  const branchOptions: Option<string>[] = [
    { value: '', label: 'All branches' },
    ...branches.map((b) => ({ value: b.id, label: b.name })),
  ];
  const ruleOptions: Option<string>[] = [
    { value: '', label: 'Any rule' },
    ...rules.map((r) => ({ value: r.id, label: `${r.code} — ${r.title}` })),
  ];
  const statusOptions: Option<FiledStatus | ''>[] = [
    { value: '', label: 'Any status' },
    ...STATUS_OPTIONS.map((s) => ({ value: s, label: STATUS_WORD[s] })),
  ];
  const reporterOptions: Option<string>[] = [
    { value: '', label: 'Anyone' },
    ...reporters.map((r) => ({ value: r.id, label: r.name })),
  ];

  return (
    <div className="search-filters" role="group" aria-label="Filters">
      <SelectField
        label="Branch"
        value={filters.branchId}
        options={branchOptions}
        onChange={(branchId) => onChange({ branchId })}
      />
      <TextField label="From day" type="date" value={filters.fromDay} onChange={(fromDay) => onChange({ fromDay })} />
      <TextField label="To day" type="date" value={filters.toDay} onChange={(toDay) => onChange({ toDay })} />
      <SelectField
        label="Rule"
        value={filters.ruleId}
        options={ruleOptions}
        onChange={(ruleId) => onChange({ ruleId })}
      />
      <SelectField
        label="Status"
        value={filters.status}
        options={statusOptions}
        onChange={(status) => onChange({ status })}
      />
      <SelectField
        label="Reported by"
        value={filters.reporterId}
        options={reporterOptions}
        onChange={(reporterId) => onChange({ reporterId })}
      />
      {filters.personId ? (
        <div className="field">
          <span className="filter-label">Person involved</span>
          <span className="chip">
            {personName}
            <Button small variant="quiet" onClick={() => onChange({ personId: '' })}>
              Remove<Unseen> person filter {personName}</Unseen>
            </Button>
          </span>
        </div>
      ) : (
        <PersonPicker
          label="Person involved"
          onPick={(p) => {
            setPersonName(p.name);
            onChange({ personId: p.id });
          }}
        />
      )}
      <div className="filters-actions">
        <Button small variant="quiet" onClick={onClear}>
          Clear filters
        </Button>
      </div>
    </div>
  );
}
