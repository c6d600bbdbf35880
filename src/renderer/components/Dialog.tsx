import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Button } from './Button';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** alertdialog for a question that needs an answer (confirmations). */
  role?: 'dialog' | 'alertdialog';
  /** Buttons at the foot; a "Close" button is added when none are given. */
  actions?: ReactNode;
}

/**
 * A modal dialog on the native <dialog> (focus stays inside, the page behind is
 * inert). Esc closes it, and focus goes back where it was when it opened.
 */
export function Dialog({ title, onClose, children, role = 'dialog', actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    if (e.key !== 'Escape') return;
    // Handled here so the native cancel and the desk's own Esc (close settings) both stay out of it.
    e.preventDefault();
    e.stopPropagation();
    onClose();
  }

  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      className="dialog"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {actions ?? (
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        )}
      </div>
    </dialog>
  );
}
