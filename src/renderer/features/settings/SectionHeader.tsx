import type { ReactNode } from 'react';

/** The top of a settings section: its name, one line on what it is for, and its main action. */
interface SectionHeaderProps {
  id: string;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

export function SectionHeader({ id, title, children, action }: SectionHeaderProps) {
  return (
    <div className="section-header">
      <div>
        <h3 id={id} className="section-title">
          {title}
        </h3>
        {children && <p className="section-lead">{children}</p>}
      </div>
      {action && <div className="section-action">{action}</div>}
    </div>
  );
}
