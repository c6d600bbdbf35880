import { Fragment, useId, useState } from 'react';
import { call } from '../../../lib/api';
import type { CallError } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { EmptyState } from '../../../components/EmptyState';
import type { GuidelineRule } from '../../../../shared/contract';
import { SectionHeader } from '../SectionHeader';
import { GuidelineForm } from './GuidelineForm';
import { GuidelineHistory } from './GuidelineHistory';
import { GuidelineRow } from './GuidelineRow';

/** The one form open in this section, if any: opening another closes it. */
type Editing = { kind: 'add' } | { kind: 'edit'; rule: GuidelineRule } | null;

const COLUMNS = 5;

export function GuidelinesSection() {
  const list = useQuery('guidelines.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<GuidelineRule | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const detailsBase = useId();

  function saved(rule: GuidelineRule, message: string) {
    const current = list.value ?? [];
    const known = current.some((r) => r.id === rule.id);
    list.setValue(known ? current.map((r) => (r.id === rule.id ? rule : r)) : [...current, rule]);
    setEditing(null);
    setError(undefined);
    setStatus(message);
  }

  function edited(before: GuidelineRule, after: GuidelineRule) {
    // Main keeps the version when nothing changed; saying "version 3" then would be untrue.
    if (after.version === before.version) {
      saved(after, `Nothing changed: ${after.title} stays at version ${after.version}.`);
      return;
    }
    saved(
      after,
      `Saved ${after.title} as version ${after.version} — reports filed earlier keep the wording they were filed under.`,
    );
  }

  async function setRetired(rule: GuidelineRule, retired: boolean) {
    setBusy(true);
    const result = await call('guidelines.setRetired', { id: rule.id, retired });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const r = result.value;
    saved(r, retired ? `${r.title} is retired: new reports no longer offer it.` : `${r.title} is back in use.`);
  }

  const rules = list.value ?? [];
  return (
    <section aria-labelledby="guidelines-title" className="settings-section">
      <SectionHeader
        id="guidelines-title"
        title="Behavior guidelines"
        action={
          <Button variant="primary" onClick={() => setEditing({ kind: 'add' })} disabled={editing?.kind === 'add'}>
            Add rule
          </Button>
        }
      >
        The Patron Expectations and Behavior Guidelines that reports cite. An edit saves a new version; reports keep the
        wording they were filed under. Retired rules are no longer offered on new reports.
      </SectionHeader>
      <StatusNotice message={status} />
      <ErrorNotice error={error ?? list.error} />
      {editing?.kind === 'add' && (
        <GuidelineForm onSaved={(r) => saved(r, `Added ${r.code} — ${r.title}.`)} onCancel={() => setEditing(null)} />
      )}
      {list.loading && <p className="muted">Loading rules…</p>}
      {!list.loading && rules.length === 0 && !list.error && (
        <EmptyState title="No rules yet">
          <p>Add the library’s rules with “Add rule”. Officers choose from them when they file a report.</p>
        </EmptyState>
      )}
      {rules.length > 0 && (
        <table className="table guideline-table">
          <caption className="visually-hidden">Behavior guidelines</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Rule</th>
              <th scope="col">Severity</th>
              <th scope="col">Status, version</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => {
              const detailsId = `${detailsBase}-${rule.id}`;
              const editingThis = editing?.kind === 'edit' && editing.rule.id === rule.id;
              return (
                <Fragment key={rule.id}>
                  <GuidelineRow
                    rule={rule}
                    open={openId === rule.id}
                    busy={busy}
                    detailsId={detailsId}
                    onToggle={(r) => setOpenId(openId === r.id ? null : r.id)}
                    onEdit={(r) => setEditing({ kind: 'edit', rule: r })}
                    onSetRetired={(r, retired) => (retired ? setConfirming(r) : void setRetired(r, false))}
                  />
                  {editingThis && (
                    <tr className="row-form">
                      <td colSpan={COLUMNS}>
                        <GuidelineForm rule={rule} onSaved={(r) => edited(rule, r)} onCancel={() => setEditing(null)} />
                      </td>
                    </tr>
                  )}
                  {openId === rule.id && (
                    <tr className="row-detail" id={detailsId}>
                      <td colSpan={COLUMNS}>
                        <GuidelineHistory rule={rule} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Retire ${confirming.title}?`}
          confirmLabel="Yes, retire"
          onConfirm={() => {
            void setRetired(confirming, true);
            setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {confirming.code} — {confirming.title} will no longer be offered on new reports. Reports already filed keep
            it, in the wording they were filed under. You can restore it later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
