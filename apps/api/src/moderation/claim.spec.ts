import { activeClaimant, claimedByOther, claimExpiresAt, CLAIM_MINUTES } from './claim';

const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('claims', () => {
  it('holds for CLAIM_MINUTES after it was taken', () => {
    expect(claimExpiresAt({ claimedBy: 'a', claimedAt: now })).toEqual(new Date(now.getTime() + CLAIM_MINUTES * 60_000));
    expect(claimExpiresAt({ claimedBy: null, claimedAt: null })).toBeNull();
  });

  it('names the claimant while the claim holds, and nobody once it has lapsed', () => {
    expect(activeClaimant({ claimedBy: 'a', claimedAt: minutesAgo(14) }, now)).toBe('a');
    expect(activeClaimant({ claimedBy: 'a', claimedAt: minutesAgo(15) }, now)).toBeNull();
    expect(activeClaimant({ claimedBy: null, claimedAt: null }, now)).toBeNull();
  });

  it('blocks other moderators but not the claimant', () => {
    const item = { claimedBy: 'a', claimedAt: minutesAgo(1) };
    expect(claimedByOther(item, 'b', now)).toBe(true);
    expect(claimedByOther(item, 'a', now)).toBe(false);
    expect(claimedByOther({ claimedBy: 'a', claimedAt: minutesAgo(20) }, 'b', now)).toBe(false);
  });
});
