import { LONGEST_WALK, secondWalk } from './queue-read';

describe('secondWalk: read further among the newest tickets, or go to the text index', () => {
  it('walks on for a word on one ticket in a hundred that fell just short of a page', () => {
    // 49 matches in 5,000 of 2 million tickets: ~6,500 tickets read against ~20,000 matches from the index
    expect(secondWalk(49, 5_000, 50, 2_000_000)).toBe(6_506);
  });

  it('turns to the index for a word too rare to fill a page within the longest walk', () => {
    expect(secondWalk(1, 5_000, 50, 10_000_000)).toBeNull();
    expect(secondWalk(25, 5_000, 50, 10_000_000)).toBeLessThanOrEqual(LONGEST_WALK);
  });

  it('turns to the index when the filtered tickets are few, so their matches are cheap', () => {
    expect(secondWalk(2, 20, 5, 120)).toBeNull();
    expect(secondWalk(49, 5_000, 50, 100_000)).toBeNull();
  });
});
