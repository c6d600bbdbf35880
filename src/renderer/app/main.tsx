// Base styles first, so each feature's own stylesheet (imported below them, through App) wins ties.
import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/components.css';
import '../styles/panels.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBridge } from '../lib/api';
import { App } from './App';
import { applyTheme, storedTheme } from './theme';

async function start(): Promise<void> {
  applyTheme(storedTheme());
  await connectBridge();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
