import type { Journal } from '../db/journal';
import type { HandlerTable } from '../rpc/handler';

export const journalHandlers = (journal: Journal): HandlerTable<'journal.verify'> => ({
  'journal.verify': () => journal.verify(),
});
