import type { ReactNode } from 'react';
import './auth.css';

/** The quiet frame around setup, sign-in and lock: the name, then one card. */
export function AuthLayout({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className="auth-screen">
      <div className={`auth-column${wide ? ' auth-column-wide' : ''}`}>
        <p className="auth-brand" aria-hidden="true">
          <span className="brand-mark">◉</span> Vigil
        </p>
        {children}
      </div>
    </main>
  );
}
