import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { TextField } from './Field';

interface TypeToConfirmDialogProps {
  title: string;
  /** The word to type ("RESTORE", "PURGE"): the danger button waits for it. */
  word: string;
  confirmLabel: string;
  /** Shown on the button while the confirmed action runs. */
  pendingLabel: string;
  pending: boolean;
  /** Gets what was typed, so main checks the word too. */
  onConfirm: (typed: string) => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * Asks for a word to be typed before something that cannot be undone from the desk
 * (a restore, a purge): ConfirmDialog's stronger sibling, for when a click is too easy.
 */
export function TypeToConfirmDialog({
  title,
  word,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
  onCancel,
  children,
}: TypeToConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  return (
    <Dialog
      role="alertdialog"
      title={title}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="danger" disabled={pending || typed !== word} onClick={() => onConfirm(typed)}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      <TextField label={`Type ${word} to confirm`} value={typed} onChange={setTyped} autoComplete="off" />
    </Dialog>
  );
}
