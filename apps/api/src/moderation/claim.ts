/** A claim keeps other moderators off an item this long, so two people do not review the same post. */
export const CLAIM_MINUTES = 15;

export interface Claimable {
  claimedBy: string | null;
  claimedAt: Date | null;
}

export function claimExpiresAt(item: Claimable): Date | null {
  return item.claimedAt ? new Date(item.claimedAt.getTime() + CLAIM_MINUTES * 60_000) : null;
}

/** The moderator whose claim still holds, or null once it has lapsed. */
export function activeClaimant(item: Claimable, now = new Date()): string | null {
  const expires = claimExpiresAt(item);
  return item.claimedBy && expires && expires > now ? item.claimedBy : null;
}

export function claimedByOther(item: Claimable, moderatorId: string, now = new Date()): boolean {
  const holder = activeClaimant(item, now);
  return holder !== null && holder !== moderatorId;
}
