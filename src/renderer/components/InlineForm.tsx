import { useEffect, useId, useRef } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import type { CallError } from '../lib/api';
import { useFocusFirstInvalid } from '../lib/useFocusInvalid';
import { Button } from './Button';
import { ErrorNotice } from './Notice';

interface InlineFormProps {
  title: string;
  submitLabel: string;
  pending: boolean;
  error: CallError | undefined;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A form that opens in place, beside what it changes (never over the camera
 * wall). It takes focus when it opens, Esc or Cancel closes it, and focus goes
 * back to the button that opened it.
 */
export function InlineForm({
  title,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  children,
  className,
}: InlineFormProps) {
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => {
      // Back to the opener if it is still on the page (a Save may have re-rendered it away).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onCancel();
  }

  return (
    <form
      ref={formRef}
      className={`inline-form${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id={titleId} className="inline-form-title">
        {title}
      </h3>
      <ErrorNotice error={error} summarize />
      <div className="inline-form-fields">{children}</div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={pending}>
          {submitLabel}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
