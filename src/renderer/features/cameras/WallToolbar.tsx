import { useId, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import type { Layout, WallView } from '../../../shared/contract';
import { LAYOUT_CHOICES } from './useArrangement';
import type { Arrangement } from './useArrangement';

const AUTOMATIC = 'automatic';

interface WallToolbarProps {
  arrangement: Arrangement;
  /** The camera in each slot as shown now (automatic walls included), for saving. */
  slots: readonly (string | null)[];
  views: readonly WallView[];
  arranging: boolean;
  onArranging: (open: boolean) => void;
  onLayout: (layout: Layout) => void;
  onShowView: (view: WallView) => void;
  onAutomatic: () => void;
  onViewsChanged: (message: string) => void;
  onViewDeleted: (message: string) => void;
  onError: (error: CallError) => void;
}

/** Layout, saved views and the camera list: everything that changes what the wall shows. */
export function WallToolbar(props: WallToolbarProps) {
  const { arrangement, slots, views, arranging, onArranging, onLayout, onShowView, onAutomatic } = props;
  const viewSelectId = useId();
  const [saving, setSaving] = useState(false);
  const current = views.find((v) => v.id === arrangement.viewId);

  function chooseView(id: string) {
    const view = views.find((v) => v.id === id);
    if (view) onShowView(view);
    else onAutomatic();
  }

  async function deleteView() {
    if (!current) return;
    const result = await call('views.remove', { id: current.id });
    if (!result.ok) return props.onError(result.error);
    onAutomatic();
    props.onViewDeleted(`Deleted the view “${current.name}”.`);
  }

  return (
    <div className="wall-toolbar-wrap">
      <div className="wall-toolbar">
        <div role="radiogroup" aria-label="Layout" className="segmented">
          {LAYOUT_CHOICES.map((c) => (
            <label key={c.layout} className="segment">
              <input
                type="radio"
                name="wall-layout"
                checked={arrangement.layout === c.layout}
                onChange={() => onLayout(c.layout)}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
        <Button small variant="quiet" aria-expanded={arranging} onClick={() => onArranging(!arranging)}>
          {arranging ? 'Hide camera list' : 'Arrange cameras'}
        </Button>
        <div className="wall-views">
          <label htmlFor={viewSelectId}>View</label>
          <select id={viewSelectId} value={current?.id ?? AUTOMATIC} onChange={(e) => chooseView(e.target.value)}>
            <option value={AUTOMATIC}>All cameras in order</option>
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <Button small onClick={() => setSaving(true)} disabled={saving}>
            Save view…
          </Button>
          <Button small variant="quiet" onClick={() => void deleteView()} disabled={!current}>
            Delete view
          </Button>
        </div>
      </div>
      {saving && (
        <SaveViewForm
          key={current?.id ?? AUTOMATIC}
          current={current}
          layout={arrangement.layout}
          slots={slots}
          onSaved={(view) => {
            setSaving(false);
            onShowView(view);
            props.onViewsChanged(`Saved the view “${view.name}”.`);
          }}
          onCancel={() => setSaving(false)}
        />
      )}
    </div>
  );
}

interface SaveViewFormProps {
  current: WallView | undefined;
  layout: Layout;
  slots: readonly (string | null)[];
  onSaved: (view: WallView) => void;
  onCancel: () => void;
}

/** Saving under the current view's name replaces it; another name makes a new view. */
function SaveViewForm({ current, layout, slots, onSaved, onCancel }: SaveViewFormProps) {
  const [name, setName] = useState(current?.name ?? '');
  const submit = useSubmit();

  async function save() {
    const id = current && current.name === name.trim() ? current.id : undefined;
    const saved = await submit.run(() => call('views.save', { id, name, layout, slots: [...slots] }));
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title="Save this wall as a view"
      submitLabel="Save view"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="save-view-form"
    >
      <TextField
        label="View name"
        value={name}
        onChange={setName}
        hint="Only you see your views. The same name replaces that view."
        error={submit.fieldError('name')}
      />
    </InlineForm>
  );
}
