import type { HandlerTable } from '../rpc/handler';
import type { PersonsService } from './persons.service';

export const peopleHandlers = (persons: PersonsService): HandlerTable<'persons.search' | 'persons.add'> => ({
  'persons.search': ({ text, limit }, ctx) => persons.search(text, limit, ctx.staffId),
  'persons.add': (input, ctx) => persons.add(input, ctx.staffId),
});
