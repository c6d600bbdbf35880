import type { HandlerTable } from '../rpc/handler';
import type { CommunityService } from './community.service';
import type { ReferralCards } from './referral-cards';

type CommunityMethods =
  | 'resources.list'
  | 'resources.search'
  | 'resources.save'
  | 'resources.setRetired'
  | 'resources.referralCard'
  | 'resources.countReferral'
  | 'resources.referralCounts';

export const communityHandlers = (
  community: CommunityService,
  cards: ReferralCards,
  isAdmin: (staffId: string) => boolean,
): HandlerTable<CommunityMethods> => ({
  // Retired services are an administrator's business: the desk sees what it can refer to.
  'resources.list': ({ includeRetired }, ctx) => community.list(includeRetired && isAdmin(ctx.staffId)),
  'resources.search': ({ text, limit }) => community.search(text, limit),
  'resources.save': ({ id, version, ...input }, ctx) => community.save(id, version, input, ctx.staffId),
  'resources.setRetired': ({ id, retired }, ctx) => community.setRetired(id, retired, ctx.staffId),
  'resources.referralCard': ({ resourceIds, branchId }, ctx) => cards.card(resourceIds, branchId, ctx.staffId),
  'resources.countReferral': ({ resourceIds, branchId }, ctx) => ({
    counted: community.refer(resourceIds, branchId, false, ctx.staffId).length,
  }),
  'resources.referralCounts': ({ from, to, branchId }) => community.counts(from, to, branchId),
});
