import { useRef } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import type { DisclosureInput } from '../../../shared/contract/disclosure';
import { DiscloseFields } from './DiscloseFields';
import './disclose.css';
import { useDiscloseForm, type DiscloseDefaults } from './discloseForm';

export interface DiscloseRequest extends DiscloseDefaults {
  /** What is about to leave, in words: "Report MAIN-2026-0012 as PDF". */
  what: string;
  /** The button's words: "Export PDF", "Print", "Download". */
  action: string;
}

/**
 * Asked before any export of patron records: whom it goes to, why, and under which of
 * Wisconsin's bases. Enter in any field gives it; Esc or Cancel gives nothing.
 */
export function DiscloseDialog({
  request,
  onDone,
}: {
  request: DiscloseRequest;
  onDone: (d: DisclosureInput | null) => void;
}) {
  const form = useDiscloseForm(request);
  const ref = useRef<HTMLFormElement>(null);
  const submit = () => {
    const d = form.check();
    if (d) onDone(d);
    // The first field refused gets the focus once its message shows (a case number may be below the fold).
    else requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  return (
    <Dialog
      title={`Disclose: ${request.what}`}
      onClose={() => onDone(null)}
      actions={
        <>
          <Button variant="primary" onClick={submit}>
            {request.action}
          </Button>
          <Button variant="quiet" onClick={() => onDone(null)}>
            Cancel
          </Button>
        </>
      }
    >
      <form
        ref={ref}
        className="disclose-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="muted">
          Library records are confidential (Wis. Stat. 43.30). This is logged with your name, for the director.
        </p>
        <DiscloseFields form={form} />
        {/* Enter in a field submits the form; the visible button is in the dialog's foot. */}
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
