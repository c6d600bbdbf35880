import { useId, useImperativeHandle, useRef } from 'react';
import type { KeyboardEvent, ReactNode, Ref } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

/** What the screen holding the tabs may do with them. */
export interface TabsHandle {
  /** Puts the cursor on the selected tab. */
  focus: () => void;
}

interface TabsProps<K extends string> {
  ref?: Ref<TabsHandle>;
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ReactNode;
  className?: string;
}

/**
 * WAI-ARIA tabs with automatic activation: one tab stop for the list, arrows
 * and Home/End move between tabs, the panel after it holds the selected one.
 */
export function Tabs<K extends string>({ ref, label, tabs, selected, onSelect, children, className }: TabsProps<K>) {
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const tabId = (key: K) => `${baseId}-tab-${key}`;
  const panelId = `${baseId}-panel`;
  const focusTab = (key: K) => listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(key))}`)?.focus();

  useImperativeHandle(ref, () => ({ focus: () => focusTab(selected) }));

  function move(e: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.key === selected);
    let next: number;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.key);
    focusTab(tab.key);
  }

  return (
    <div className={`tabs${className ? ` ${className}` : ''}`}>
      <div role="tablist" aria-label={label} className="tablist" ref={listRef} onKeyDown={move}>
        {tabs.map((t) => {
          const isSelected = t.key === selected;
          return (
            <button
              key={t.key}
              id={tabId(t.key)}
              type="button"
              role="tab"
              className="tab"
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(t.key)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} className="tabpanel" tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
