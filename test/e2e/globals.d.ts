import type { VigilBridge } from '../../src/shared/contract';

// page.evaluate() callbacks run in the page, where the shell put window.vigil.
declare global {
  interface Window {
    vigil?: VigilBridge;
  }
}
