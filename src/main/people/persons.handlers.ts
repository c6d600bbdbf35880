import type { HandlerTable } from '../rpc/handler';
import { mediaBase } from '../rpc/sessions';
import type { PersonsService } from './persons.service';

type PeopleMethods =
  | 'persons.search'
  | 'persons.add'
  | 'persons.get'
  | 'persons.update'
  | 'persons.findDuplicates'
  | 'persons.addPhoto'
  | 'persons.removePhoto'
  | 'persons.merge';

export const peopleHandlers = (persons: PersonsService): HandlerTable<PeopleMethods> => ({
  'persons.search': ({ text, limit }, ctx) => persons.search(text, limit, ctx.staffId),
  'persons.add': (input, ctx) => persons.add(input, ctx.staffId),
  'persons.get': ({ id }, ctx) => ({ person: persons.get(id, ctx.staffId), mediaBase: mediaBase(ctx.session) }),
  'persons.update': ({ id, version, ...input }, ctx) => persons.update(id, version, input, ctx.staffId),
  'persons.findDuplicates': (input, ctx) => ({
    duplicates: persons.findDuplicates(input, ctx.staffId),
    mediaBase: mediaBase(ctx.session),
  }),
  'persons.addPhoto': ({ personId, attachmentId }, ctx) => persons.addPhoto(personId, attachmentId, ctx.staffId),
  'persons.removePhoto': ({ personId, attachmentId }, ctx) => persons.removePhoto(personId, attachmentId, ctx.staffId),
  'persons.merge': ({ keepId, mergeId, reason }, ctx) => persons.merge(keepId, mergeId, reason, ctx.staffId),
});
