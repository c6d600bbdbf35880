import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { call } from '../../lib/api';
import { readStored, removeStored, writeStored } from '../../lib/storage';
import { useFocusFirstInvalid } from '../../lib/useFocusInvalid';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, CallChannel, CallNature, CallPriority, CallRecord } from '../../../shared/contract';
import { CALL_CHANNELS, CALL_NATURES, CALL_PRIORITIES } from '../../../shared/contract/calls';
import { CHANNEL_WORDS, NATURE_WORDS, PRIORITY_WORDS } from '../../../shared/call-words';
import { RadioGroup } from './RadioGroup';
import { personNamed } from './useCallStaff';

interface Typed {
  branchId: string;
  zoneId: string;
  nature: CallNature | '';
  priority: CallPriority;
  caller: string;
  channel: CallChannel;
  detail: string;
}

const formKey = (staffId: string) => `vigil.callForm.${staffId}`;
const channelKey = 'vigil.callChannel';

function stored(staffId: string, branchId: string): Typed {
  const channel = readStored(channelKey);
  const blank: Typed = {
    branchId,
    zoneId: '',
    nature: '',
    priority: 'normal',
    caller: '',
    channel: CALL_CHANNELS.includes(channel as CallChannel) ? (channel as CallChannel) : 'phone',
    detail: '',
  };
  try {
    const kept = JSON.parse(readStored(formKey(staffId)) ?? 'null') as Partial<Typed> | null;
    return kept ? { ...blank, ...kept } : blank;
  } catch {
    return blank;
  }
}

interface QuickCallFormProps {
  staffId: string;
  branches: readonly Branch[];
  /** The header's branch, or the only one: the branch field starts there. */
  defaultBranchId: string;
  staff: readonly { id: string; name: string }[];
  onSaved: (call: CallRecord) => void;
  onClose: () => void;
}

/**
 * The quick call form (A from anywhere): where, what, how urgent, who called and how,
 * one line of detail; Enter logs it, the time received is main's. What is typed is kept
 * (closing the form or the app loses nothing) until the call is logged or cleared here.
 */
export function QuickCallForm({ staffId, branches, defaultBranchId, staff, onSaved, onClose }: QuickCallFormProps) {
  const [typed, setTyped] = useState<Typed>(() => stored(staffId, defaultBranchId));
  const [natureError, setNatureError] = useState<string | undefined>(undefined);
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const listId = useId();
  useFocusFirstInvalid(formRef, submit.error);

  const branch = branches.find((b) => b.id === typed.branchId);
  const zones = (branch?.zones ?? []).filter((z) => !z.retired);
  // A form kept from before names a branch since retired: start from the desk's branch instead.
  if (typed.branchId && branches.length > 0 && !branch) {
    setTyped({ ...typed, branchId: defaultBranchId, zoneId: '' });
  }

  useEffect(() => {
    // Where the branch is known, typing starts at the zone.
    const first = typed.branchId ? '.qf-zone select' : '.qf-branch select';
    formRef.current?.querySelector<HTMLElement>(first)?.focus();
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function change(patch: Partial<Typed>) {
    const next = { ...typed, ...patch };
    setTyped(next);
    writeStored(formKey(staffId), JSON.stringify(next));
    if (patch.nature) setNatureError(undefined);
  }

  async function log(e?: FormEvent) {
    e?.preventDefault();
    if (!typed.nature) {
      setNatureError('Choose what kind of call it is');
      formRef.current?.querySelector<HTMLElement>('.qf-nature select')?.focus();
      return;
    }
    const saved = await submit.run(() =>
      call('calls.create', {
        branchId: typed.branchId,
        zoneId: typed.zoneId || null,
        caller: personNamed(typed.caller, staff),
        channel: typed.channel,
        nature: typed.nature as CallNature,
        priority: typed.priority,
        detail: typed.detail,
      }),
    );
    if (!saved) return;
    removeStored(formKey(staffId));
    writeStored(channelKey, typed.channel);
    onSaved(saved);
  }

  function clear() {
    removeStored(formKey(staffId));
    setTyped(stored(staffId, defaultBranchId));
    submit.clear();
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.target instanceof HTMLSelectElement)) {
      // Enter on a choice logs the call too: the form is one step from anywhere in it.
      e.preventDefault();
      void log();
    }
  }

  const fieldError = (path: string) => submit.fieldError(path);
  const typedAnything = typed.detail || typed.caller || typed.nature || typed.zoneId;
  return (
    <form
      ref={formRef}
      className="inline-form call-form"
      aria-labelledby={titleId}
      onSubmit={(e) => void log(e)}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id={titleId} className="inline-form-title">
        New call
      </h3>
      <ErrorNotice error={submit.error} summarize />
      <div className="call-form-grid">
        <SelectField
          label="Branch"
          fieldClassName="qf-branch"
          value={typed.branchId}
          options={[
            ...(typed.branchId ? [] : [{ value: '', label: 'Choose the branch' }]),
            ...branches.map((b) => ({ value: b.id, label: b.name })),
          ]}
          onChange={(branchId) => change({ branchId, zoneId: '' })}
          error={fieldError('branchId')}
        />
        <SelectField
          label="Zone"
          fieldClassName="qf-zone"
          value={typed.zoneId}
          options={[
            { value: '', label: 'Not sure / elsewhere' },
            ...zones.map((z) => ({ value: z.id, label: z.name })),
          ]}
          onChange={(zoneId) => change({ zoneId })}
          error={fieldError('zoneId')}
        />
        <SelectField
          label="What is it"
          fieldClassName="qf-nature"
          value={typed.nature}
          options={[
            ...(typed.nature ? [] : [{ value: '' as const, label: 'Choose…' }]),
            ...CALL_NATURES.map((n) => ({ value: n, label: NATURE_WORDS[n] })),
          ]}
          onChange={(nature) => change({ nature })}
          error={natureError ?? fieldError('nature')}
        />
        <RadioGroup
          label="Priority"
          value={typed.priority}
          options={CALL_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_WORDS[p] }))}
          onChange={(priority) => change({ priority })}
          className="priority-choice"
        />
        <TextField
          label="Who called"
          name="caller"
          value={typed.caller}
          list={listId}
          autoComplete="off"
          placeholder="A staff name, or who and where"
          onChange={(caller) => change({ caller })}
          error={fieldError('caller.name') ?? fieldError('caller')}
        />
        <datalist id={listId}>
          {staff.map((s) => (
            <option key={s.id} value={s.name} />
          ))}
        </datalist>
        <RadioGroup
          label="Called by"
          value={typed.channel}
          options={CALL_CHANNELS.map((c) => ({
            value: c,
            label: CHANNEL_WORDS[c][0]!.toUpperCase() + CHANNEL_WORDS[c].slice(1),
          }))}
          onChange={(channel) => change({ channel })}
        />
        <TextField
          label="Detail"
          name="detail"
          fieldClassName="field-wide"
          value={typed.detail}
          maxLength={300}
          placeholder="One line: what is happening"
          onChange={(detail) => change({ detail })}
          error={fieldError('detail')}
        />
      </div>
      <div className="form-actions">
        <Button
          type="submit"
          variant="primary"
          disabled={submit.pending}
          title="Enter (Ctrl+Enter from anywhere in the form)"
        >
          Log call
        </Button>
        <Button variant="quiet" onClick={onClose} title="Esc: what you typed is kept for when you come back">
          Close
        </Button>
        {typedAnything && (
          <Button variant="quiet" onClick={clear}>
            Clear the form
          </Button>
        )}
        <span className="muted small">The time received is recorded when you log it.</span>
      </div>
    </form>
  );
}
