import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { STORAGE_KEYS, readStored, writeStored } from '../lib/storage';

export type Theme = 'dark' | 'light';

/** The remembered theme, dark unless light was chosen: the desk is dim. */
export function storedTheme(): Theme {
  return readStored(STORAGE_KEYS.theme) === 'light' ? 'light' : 'dark';
}

/** Sets the theme on <html> before React renders, so the first paint is already right. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

interface ThemeValue {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

const ThemeContext = createContext<ThemeValue>({ theme: 'dark', setTheme: () => undefined });

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<Theme>(storedTheme);
  const setTheme = useCallback((next: Theme) => {
    applyTheme(next);
    writeStored(STORAGE_KEYS.theme, next);
    setThemeState(next);
  }, []);
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

export const useTheme = (): ThemeValue => useContext(ThemeContext);
