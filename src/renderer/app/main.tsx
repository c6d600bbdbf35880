import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBridge } from '../lib/api';
import { App } from './App';
import { applyTheme, storedTheme } from './theme';
import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/components.css';

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
