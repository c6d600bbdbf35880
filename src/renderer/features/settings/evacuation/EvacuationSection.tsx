import { useQuery } from '../../../lib/useQuery';
import { ErrorNotice } from '../../../components/Notice';
import { EmptyState } from '../../../components/EmptyState';
import { SectionHeader } from '../SectionHeader';
import { CallAlertsForm } from './CallAlertsForm';
import { PlanCard } from './PlanCard';

/** Settings → Calls and evacuation: when open calls become alerts, and each branch's evacuation plan. */
export function EvacuationSection() {
  const plans = useQuery('evacuations.plans', {}, { refetchOn: ['evacuationPlans.changed', 'branches.changed'] });
  const branches = useQuery('branches.list', {}, { refetchOn: ['branches.changed'] });
  const nameOf = (id: string) => branches.value?.find((b) => b.id === id)?.name ?? 'Branch';
  return (
    <section aria-labelledby="evacuation-settings-title" className="settings-section">
      <SectionHeader id="evacuation-settings-title" title="Calls and evacuation">
        When an open call becomes a desk alert; each branch’s assembly point and the order its zones are swept in an
        evacuation.
      </SectionHeader>
      <CallAlertsForm />
      <ErrorNotice error={plans.error} />
      {plans.value?.length === 0 && (
        <EmptyState title="No branches yet">
          <p>Add branches and their zones in Settings → Branches first.</p>
        </EmptyState>
      )}
      <div className="plan-list">
        {plans.value?.map((p) => (
          <PlanCard
            key={`${p.branchId}:${p.updatedAt ?? ''}:${p.zones.length}`}
            plan={p}
            branchName={nameOf(p.branchId)}
            onSaved={plans.reload}
          />
        ))}
      </div>
    </section>
  );
}
