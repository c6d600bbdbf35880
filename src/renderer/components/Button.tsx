import type { ButtonHTMLAttributes, Ref } from 'react';

type Variant = 'primary' | 'secondary' | 'quiet' | 'danger';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  small?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** A button that is type="button" unless told otherwise, so it never submits a form by accident. */
export function Button({ variant = 'secondary', small, className, buttonRef, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, small ? 'btn-small' : '', className ?? ''].filter(Boolean).join(' ');
  return <button ref={buttonRef} type={type} className={classes} {...rest} />;
}
