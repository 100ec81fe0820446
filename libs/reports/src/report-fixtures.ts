import type { PeriodFigures, UnitAssessment } from '@hub/contracts';

/** Hand-made figures of a half year, for the renderers' specs. */
export function sampleFigures(overrides: Partial<PeriodFigures> = {}): PeriodFigures {
  return {
    from: '2026-01-01',
    to: '2026-06-30',
    unit: null,
    asOf: '2026-07-02T01:29:00.000Z',
    totals: { received: 1234, dispatched: 1100, closed: 987, overdue: 12, penalized: 45, transferred: 3, fineFen: 1_234_567, confiscationFen: 50_000 },
    series: [{ day: '2026-01-01', received: 5, dispatched: 4, closed: 3, overdue: 0 }],
    byFeed: [
      { key: '12315', received: 700, dispatched: 650, closed: 600, overdue: 5 },
      { key: '12365', received: 300, dispatched: 280, closed: 250, overdue: 4 },
      { key: 'WEB', received: 234, dispatched: 170, closed: 137, overdue: 3 },
    ],
    byRegion: [
      { key: '220100', received: 800, dispatched: 720, closed: 650, overdue: 7 },
      { key: '222400', received: 434, dispatched: 380, closed: 337, overdue: 5 },
    ],
    byCategory: [
      { key: 'FOOD', received: 900, dispatched: 800, closed: 700, overdue: 10 },
      { key: 'AGRI_PRODUCT', received: 334, dispatched: 300, closed: 287, overdue: 2 },
    ],
    byUnit: [
      { key: 'AIC@220100', received: 0, dispatched: 720, closed: 650, overdue: 7 },
      { key: 'QTS@222400', received: 0, dispatched: 380, closed: 337, overdue: 5 },
    ],
    routingQuality: { routed: 1100, autoRouted: 850, corrected: 40, series: [] },
    outcomes: [
      { outcome: 'PENALIZED', count: 45 },
      { outcome: 'MEDIATED', count: 900 },
      { outcome: 'NO_CASE', count: 42 },
    ],
    ...overrides,
  };
}

export function sampleAssessment(): UnitAssessment {
  return {
    from: '2026-01-01',
    to: '2026-06-30',
    rows: [
      {
        unit: 'AIC@220100', rank: 1, score: 92.5, scored: true, dispatched: 720, accepted: 700, acceptedOnTime: 690, acceptMissed: 3, acceptOnTimeRate: 0.9857, closed: 650, closedOnTime: 640, closeMissed: 1,
        closeOnTimeRate: 0.9846, returned: 20, returnRate: 0.0278, reopened: 2, reopenRate: 0.0031, satisfaction: 0.95,
      },
      {
        unit: 'QTS@222400', rank: 2, score: 81, scored: true, dispatched: 380, accepted: 370, acceptedOnTime: 300, acceptMissed: 12, acceptOnTimeRate: 0.8108, closed: 337, closedOnTime: 300, closeMissed: 7,
        closeOnTimeRate: 0.8902, returned: 10, returnRate: 0.0263, reopened: 0, reopenRate: 0, satisfaction: null,
      },
      {
        unit: 'TCM@220000', rank: 3, score: 0, scored: false, dispatched: 0, accepted: 0, acceptedOnTime: 0, acceptMissed: 0, acceptOnTimeRate: null, closed: 0, closedOnTime: 0,
        closeMissed: 0, closeOnTimeRate: null, returned: 0, returnRate: null, reopened: 0, reopenRate: null, satisfaction: null,
      },
    ],
  };
}
