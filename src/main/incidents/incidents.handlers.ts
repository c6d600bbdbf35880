import type { HandlerTable } from '../rpc/handler';
import type { IncidentsService } from './incidents.service';

type IncidentMethods =
  | 'incidents.createDraft'
  | 'incidents.saveDraft'
  | 'incidents.listDrafts'
  | 'incidents.getDraft'
  | 'incidents.discardDraft'
  | 'incidents.submit'
  | 'incidents.amend'
  | 'incidents.getAmendDraft'
  | 'incidents.saveAmendDraft'
  | 'incidents.discardAmendDraft'
  | 'incidents.review'
  | 'incidents.close'
  | 'incidents.get'
  | 'incidents.search';

export const incidentsHandlers = (incidents: IncidentsService): HandlerTable<IncidentMethods> => ({
  'incidents.createDraft': ({ content }, ctx) => incidents.createDraft(content, ctx.staffId),
  'incidents.saveDraft': ({ id, revision, content }, ctx) => incidents.saveDraft(id, revision, content, ctx.staffId),
  'incidents.listDrafts': (_input, ctx) => incidents.listDrafts(ctx.staffId),
  'incidents.getDraft': ({ id }, ctx) => incidents.getDraft(id, ctx.staffId),
  'incidents.discardDraft': ({ id }, ctx) => incidents.discardDraft(id, ctx.staffId),
  'incidents.submit': ({ id }, ctx) => incidents.submit(id, ctx.staffId),
  'incidents.amend': ({ id, version, reason, content }, ctx) =>
    incidents.amend(id, version, reason, content, ctx.staffId),
  'incidents.getAmendDraft': ({ id }, ctx) => incidents.getAmendDraft(id, ctx.staffId),
  'incidents.saveAmendDraft': ({ id, ...input }, ctx) => incidents.saveAmendDraft(id, input, ctx.staffId),
  'incidents.discardAmendDraft': ({ id }, ctx) => incidents.discardAmendDraft(id, ctx.staffId),
  'incidents.review': ({ id, version, decision, comment }, ctx) =>
    incidents.review(id, version, decision, comment, ctx.staffId),
  'incidents.close': ({ id, comment }, ctx) => incidents.close(id, comment, ctx.staffId),
  'incidents.get': ({ id }, ctx) => incidents.get(id, ctx.staffId),
  'incidents.search': (filters, ctx) => incidents.search(filters, ctx.staffId),
});
