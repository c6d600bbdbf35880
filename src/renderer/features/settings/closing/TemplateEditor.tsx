import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { Unseen } from '../../../components/Unseen';
import type { Branch, ItemKind, Template } from '../../../../shared/contract';

type Item = Omit<Template['items'][number], 'id'> & { id?: string; key: string };

const KINDS: { value: ItemKind; label: string }[] = [
  { value: 'check', label: 'Check' },
  { value: 'yesno', label: 'Yes / no' },
  { value: 'count', label: 'Count' },
  { value: 'note', label: 'Note' },
];

let nextKey = 0;
const keyed = (items: Template['items']): Item[] => items.map((i) => ({ ...i, key: `k${nextKey++}` }));

interface TemplateEditorProps {
  branch: Branch;
  template: Template;
  onSaved: (template: Template) => void;
}

/**
 * A branch's closing checklist as an administrator shapes it: items in walking order,
 * each in a zone (or the whole building), each a check, yes/no, count or note. Saving
 * makes a new version; runs already made keep theirs.
 */
export function TemplateEditor({ branch, template, onSaved }: TemplateEditorProps) {
  const [items, setItems] = useState<Item[]>(() => keyed(template.items));
  const [status, setStatus] = useState<string | undefined>(undefined);
  const submit = useSubmit();
  const zones = branch.zones.filter((z) => !z.retired || items.some((i) => i.zoneId === z.id));

  const set = (key: string, patch: Partial<Item>) =>
    setItems(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setItems(next);
  };

  async function save() {
    const saved = await submit.run(() =>
      call('closing.saveTemplate', {
        branchId: branch.id,
        items: items.map(({ key: _key, ...i }) => i),
      }),
    );
    if (saved) {
      setItems(keyed(saved.items));
      setStatus(
        saved.version === template.version
          ? 'Nothing changed: the checklist is as saved.'
          : `Saved version ${saved.version} of the checklist.`,
      );
      onSaved(saved);
    }
  }

  async function loadDefault() {
    const fresh = await submit.run(() => call('closing.defaultTemplate', { branchId: branch.id }));
    if (fresh) {
      setItems(keyed(fresh.items));
      setStatus('The library’s default is loaded: save it to use it.');
    }
  }

  const field = (i: number, name: string) => submit.fieldError(`items.${i}.${name}`);
  return (
    <div className="template-editor">
      <ErrorNotice error={submit.error} summarize />
      <StatusNotice message={status} />
      <ol className="template-items" aria-label={`Checklist items of ${branch.name}`}>
        {items.map((item, i) => {
          const n = `item ${i + 1}`;
          return (
            <li key={item.key} className="template-item">
              <span className="template-number">{i + 1}</span>
              <select
                aria-label={`Zone of ${n}`}
                value={item.zoneId ?? ''}
                onChange={(e) => set(item.key, { zoneId: e.target.value || null })}
              >
                <option value="">Whole building</option>
                {zones.map((z) => (
                  <option key={z.id} value={z.id}>
                    {z.name}
                  </option>
                ))}
              </select>
              <div className={`template-label${field(i, 'label') ? ' field-invalid' : ''}`}>
                <input
                  type="text"
                  aria-label={`Words of ${n}`}
                  value={item.label}
                  aria-invalid={field(i, 'label') ? true : undefined}
                  onChange={(e) => set(item.key, { label: e.target.value })}
                />
                {field(i, 'label') && <p className="field-error">{field(i, 'label')}</p>}
              </div>
              <select
                aria-label={`Kind of ${n}`}
                value={item.kind}
                onChange={(e) => set(item.key, { kind: e.target.value as ItemKind })}
              >
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </select>
              {item.kind === 'yesno' && (
                <select
                  aria-label={`All is well when ${n} is answered`}
                  value={item.okAnswer}
                  onChange={(e) => set(item.key, { okAnswer: e.target.value as 'yes' | 'no' })}
                >
                  <option value="yes">Fine if yes</option>
                  <option value="no">Fine if no</option>
                </select>
              )}
              {item.kind === 'count' && (
                <input
                  type="number"
                  min={0}
                  className="template-count"
                  aria-label={`Expected count of ${n}`}
                  value={item.expectedCount}
                  onChange={(e) => set(item.key, { expectedCount: Number(e.target.value) })}
                />
              )}
              {item.kind !== 'note' && (
                <label className="check-line">
                  <input
                    type="checkbox"
                    checked={item.noteOnFail}
                    onChange={(e) => set(item.key, { noteOnFail: e.target.checked })}
                  />
                  Note when it fails<Unseen> ({n})</Unseen>
                </label>
              )}
              <span className="row-actions">
                <Button small variant="quiet" disabled={i === 0} onClick={() => move(i, -1)}>
                  Up<Unseen> ({n})</Unseen>
                </Button>
                <Button small variant="quiet" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                  Down<Unseen> ({n})</Unseen>
                </Button>
                <Button small variant="quiet" onClick={() => setItems(items.filter((x) => x.key !== item.key))}>
                  Remove<Unseen> {n}</Unseen>
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      {items.length === 0 && <p className="muted">No items: a checklist needs at least one.</p>}
      <div className="form-actions">
        <Button
          onClick={() =>
            setItems([
              ...items,
              {
                key: `k${nextKey++}`,
                zoneId: null,
                label: '',
                kind: 'check',
                okAnswer: 'yes',
                expectedCount: 0,
                noteOnFail: true,
              },
            ])
          }
        >
          Add item
        </Button>
        <Button variant="quiet" onClick={() => void loadDefault()}>
          Start again from the library’s default
        </Button>
        <Button variant="primary" disabled={submit.pending} onClick={() => void save()}>
          Save checklist
        </Button>
      </div>
    </div>
  );
}
