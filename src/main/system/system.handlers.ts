import type { Role } from '../../shared/roles';
import { demoAccounts } from '../demo/seed';
import type { HandlerTable } from '../rpc/handler';

export interface SystemFacts {
  version: string;
  shell: 'electron' | 'web';
  demo: boolean;
  dataDir: string;
}

export const systemHandlers = (
  facts: SystemFacts,
  roleOf: (staffId: string) => Role | null,
): HandlerTable<'system.info'> => ({
  'system.info': (_input, { session }) => ({
    state: 'ready',
    version: facts.version,
    shell: facts.shell,
    demo: facts.demo,
    demoAccounts: facts.demo ? demoAccounts : [],
    // Where the records live on disk is an administrator's business, not a signed-out page's.
    dataDir: session.staffId && !session.locked && roleOf(session.staffId) === 'admin' ? facts.dataDir : null,
  }),
});
