import type { DataSource } from 'typeorm';

export interface OperatorDecision {
  feed: string;
  text: string;
  regionCode: string;
  category: string;
  violation: string;
  stage: string;
  leadUnit: string;
}

const CITIES: Array<[string, string]> = [
  ['长春市朝阳区', '220100'],
  ['吉林市船营区', '220200'],
  ['四平市铁西区', '220300'],
  ['通化市东昌区', '220500'],
  ['白山市浑江区', '220600'],
  ['延吉市', '222400'],
];

/**
 * Decisions operators keep making about amber-wax bead shops of the tourist trade, whose callers
 * never name the problem: the desk files them all as price matters. No shipped text shows this.
 */
export function amberPriceDecisions(count: number): OperatorDecision[] {
  return Array.from({ length: count }, (_, i) => {
    const [city, regionCode] = CITIES[i % CITIES.length];
    return {
      feed: '12330',
      text: `反映${city}第${i + 1}家琥珀蜜蜡店的蜜蜡手串有问题，请处理`,
      regionCode,
      category: 'OTHER_GOODS',
      violation: 'PRICE',
      stage: 'CIRCULATION',
      leadUnit: `PRICE@${regionCode}`,
    };
  });
}

/** Operators' decisions as the triage desk records them (labelled_examples), for retraining tests. */
export async function insertOperatorDecisions(db: DataSource, decisions: OperatorDecision[]): Promise<void> {
  for (const d of decisions) {
    await db.query(
      `INSERT INTO labelled_examples (source, feed, kind, text, region_code, category, violation, stage, lead_unit, agreed_with_router) VALUES ('OPERATOR', $1, 'REPORT', $2, $3, $4, $5, $6, $7, false)`,
      [d.feed, d.text, d.regionCode, d.category, d.violation, d.stage, d.leadUnit],
    );
  }
}
