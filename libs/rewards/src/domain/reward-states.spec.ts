import { canMoveReward, REWARD_STATES } from './reward-states';

describe('reward states', () => {
  it('walks PROPOSED → APPROVED → NOTIFIED → CLAIMED → PAID', () => {
    expect(canMoveReward('PROPOSED', 'APPROVED')).toBe(true);
    expect(canMoveReward('APPROVED', 'NOTIFIED')).toBe(true);
    expect(canMoveReward('NOTIFIED', 'CLAIMED')).toBe(true);
    expect(canMoveReward('CLAIMED', 'PAID')).toBe(true);
  });

  it('expires only a notified reward, and skips no step', () => {
    expect(canMoveReward('NOTIFIED', 'EXPIRED')).toBe(true);
    expect(canMoveReward('CLAIMED', 'EXPIRED')).toBe(false);
    expect(canMoveReward('PROPOSED', 'NOTIFIED')).toBe(false);
    expect(canMoveReward('NOTIFIED', 'PAID')).toBe(false);
  });

  it('leaves no final state', () => {
    for (const to of REWARD_STATES) {
      expect(canMoveReward('PAID', to)).toBe(false);
      expect(canMoveReward('REJECTED', to)).toBe(false);
      expect(canMoveReward('EXPIRED', to)).toBe(false);
    }
  });
});
