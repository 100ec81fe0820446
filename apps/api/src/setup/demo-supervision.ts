import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { toViewer, UserEntity, Viewer } from '@hub/auth';
import { CaseActions } from '@hub/cases';
import { AppConfig } from '@hub/core';
import { IntakeService } from '@hub/intake';
import { TriageService } from '@hub/routing';
import { TicketsService } from '@hub/tickets';

type Walk = 'accept' | 'return' | 'mediated' | 'no-case' | 'penalized';

interface DemoFlowTicket {
  daysAgo: number;
  kind: '投诉' | '举报';
  place: string;
  subject: string;
  text: string;
  unit: string;
  category: string;
  violation: string;
  stage: string;
  walk: Walk[];
}

/** The unit staff who walk the supervision demo tickets (their accounts are demo accounts too). */
export const DEMO_FLOW_HANDLERS: Record<string, string> = {
  'AIC@220100': 'aic.changchun',
  'QTS@220300': 'qts.siping',
  'AIC@220200': 'aic.jilin',
  'FDA@222400': 'fda.yanbian',
};

/**
 * A month of tickets across regions, categories and units for the supervisor's dashboard and the
 * unit assessment: received on days spread over the last four weeks, dispatched by operator1 and
 * walked by the units (accepted, returned, mediated, closed with or without a penalty).
 */
const DEMO_FLOW: DemoFlowTicket[] = [
  { daysAgo: 27, kind: '投诉', place: '吉林市船营区解放大路', subject: '吉林市百信超市', text: '购买的酱油瓶身标签标注的生产厂家查无此厂', unit: 'AIC@220200', category: 'FOOD', violation: 'LABEL_MISUSE', stage: 'CIRCULATION', walk: ['accept', 'mediated'] },
  { daysAgo: 25, kind: '举报', place: '四平市铁西区', subject: '四平市华联电器商场', text: '商场销售的电热水器无3C认证标志，疑似伪劣产品', unit: 'QTS@220300', category: 'OTHER_GOODS', violation: 'COUNTERFEIT', stage: 'CIRCULATION', walk: ['accept', 'penalized'] },
  { daysAgo: 23, kind: '投诉', place: '延吉市河南街', subject: '延吉市家乐超市', text: '超市出售的冷面包装无生产日期', unit: 'FDA@222400', category: 'FOOD', violation: 'LABEL_MISUSE', stage: 'CIRCULATION', walk: ['accept', 'no-case'] },
  { daysAgo: 21, kind: '举报', place: '长春市南关区', subject: '长春市永辉药店', text: '药店销售假冒品牌的保健品，宣称能治疗糖尿病', unit: 'AIC@220100', category: 'HEALTH_PRODUCT', violation: 'FALSE_INFO', stage: 'CIRCULATION', walk: ['accept', 'penalized'] },
  { daysAgo: 19, kind: '投诉', place: '吉林市昌邑区', subject: '吉林市金达汽修厂', text: '汽修厂更换的机油滤清器是仿冒品牌', unit: 'AIC@220200', category: 'AUTO', violation: 'TRADEMARK', stage: 'CIRCULATION', walk: ['return'] },
  { daysAgo: 17, kind: '投诉', place: '长春市朝阳区红旗街', subject: '长春市欧亚商都', text: '在商都买的运动鞋鞋标与正品不一致，怀疑是假货', unit: 'AIC@220100', category: 'OTHER_GOODS', violation: 'TRADEMARK', stage: 'CIRCULATION', walk: ['accept', 'mediated'] },
  { daysAgo: 15, kind: '举报', place: '四平市双辽市', subject: '双辽市宏达农资店', text: '农资店销售的化肥有效成分不达标，农户减产', unit: 'QTS@220300', category: 'AGRI_PRODUCT', violation: 'COUNTERFEIT', stage: 'CIRCULATION', walk: ['accept'] },
  { daysAgo: 13, kind: '投诉', place: '延吉市光明街', subject: '延吉市百货大楼', text: '购买的人参礼盒标注产地与实际不符', unit: 'FDA@222400', category: 'TCM_MEDICINE', violation: 'FALSE_INFO', stage: 'CIRCULATION', walk: ['return'] },
  { daysAgo: 11, kind: '举报', place: '长春市绿园区', subject: '长春市万佳福食品厂', text: '食品厂在生产月饼时使用过期的馅料', unit: 'AIC@220100', category: 'FOOD', violation: 'COUNTERFEIT', stage: 'PRODUCTION', walk: ['accept'] },
  { daysAgo: 9, kind: '投诉', place: '吉林市丰满区', subject: '吉林市华联超市', text: '超市矿泉水桶装水有异味，标签无卫生许可证号', unit: 'AIC@220200', category: 'MINERAL_WATER', violation: 'UNLICENSED', stage: 'CIRCULATION', walk: ['accept', 'no-case'] },
  { daysAgo: 7, kind: '投诉', place: '长春市二道区', subject: '长春市家乐福超市', text: '超市促销的奶粉临近保质期仍标注为新品', unit: 'AIC@220100', category: 'FOOD', violation: 'FALSE_INFO', stage: 'CIRCULATION', walk: ['accept', 'mediated'] },
  { daysAgo: 6, kind: '举报', place: '四平市铁东区', subject: '四平市鑫源网店', text: '网店销售盗版教材光盘', unit: 'QTS@220300', category: 'AUDIO_VIDEO', violation: 'OTHER', stage: 'ONLINE', walk: [] },
  { daysAgo: 5, kind: '投诉', place: '延吉市进学街', subject: '延吉市永辉超市', text: '超市出售的泡菜罐头涨袋仍在销售', unit: 'FDA@222400', category: 'FOOD', violation: 'COUNTERFEIT', stage: 'CIRCULATION', walk: ['accept'] },
  { daysAgo: 4, kind: '投诉', place: '长春市宽城区', subject: '长春市百信汽配城', text: '汽配城销售的刹车片无厂名厂址', unit: 'AIC@220100', category: 'AUTO', violation: 'LABEL_MISUSE', stage: 'CIRCULATION', walk: [] },
  { daysAgo: 3, kind: '举报', place: '吉林市龙潭区', subject: '吉林市宏运酒行', text: '酒行销售的白酒疑为勾兑假冒名酒', unit: 'AIC@220200', category: 'FOOD', violation: 'TRADEMARK', stage: 'CIRCULATION', walk: ['accept'] },
  { daysAgo: 2, kind: '投诉', place: '长春市朝阳区', subject: '长春市华联药房', text: '药房销售的口罩包装破损且无生产批号', unit: 'AIC@220100', category: 'HEALTH_PRODUCT', violation: 'LABEL_MISUSE', stage: 'CIRCULATION', walk: ['accept'] },
  { daysAgo: 1, kind: '投诉', place: '四平市梨树县', subject: '梨树县金达农资店', text: '买的玉米种子发芽率极低，包装印刷模糊', unit: 'QTS@220300', category: 'AGRI_PRODUCT', violation: 'COUNTERFEIT', stage: 'CIRCULATION', walk: [] },
];

const DAY_MS = 86_400_000;

/** Supervision demo tickets, each walked through the product's own services; a ticket already there is left as it is. */
@Injectable()
export class DemoSupervision {
  constructor(
    private readonly intake: IntakeService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly triage: TriageService,
    private readonly cases: CaseActions,
    private readonly tickets: TicketsService,
  ) {}

  async load(now = new Date()): Promise<number> {
    let walked = 0;
    for (const [n, demo] of DEMO_FLOW.entries()) walked += await this.walk(`DEMO-SV-${String(n + 1).padStart(2, '0')}`, demo, now);
    return walked;
  }

  private async walk(externalId: string, demo: DemoFlowTicket, now: Date): Promise<number> {
    const ldsj = beijingTime(new Date(now.getTime() - demo.daysAgo * DAY_MS));
    const body = Buffer.from(JSON.stringify({ gdbh: externalId, ldsj, sjlx: demo.kind, sqr: { xm: '王五', dh: '13712345678' }, bsdx: { mc: demo.subject, dz: demo.place }, sqnr: demo.text }));
    const outcome = await this.intake.receive({ feed: '12315', feedKey: this.config.feedKey('12315') ?? undefined, contentType: 'application/json', contentLength: body.length, body: Readable.from(body), requestId: 'demo-data' });
    const accepted = outcome.accepted[0];
    if (!accepted || accepted.duplicate) return 0;
    const id = accepted.ticketId;
    const [operator, handler] = await Promise.all([this.viewer('operator1'), this.viewer(DEMO_FLOW_HANDLERS[demo.unit])]);
    await this.triage.decide(operator, id, { version: 1, category: demo.category, violation: demo.violation, stage: demo.stage, leadUnit: demo.unit, assistUnits: [] });
    const version = async () => (await this.tickets.get(handler, id)).version;
    for (const step of demo.walk) {
      if (step === 'accept') await this.cases.accept(handler, id, { version: await version() });
      if (step === 'return') await this.cases.return(handler, id, { version: await version(), reason: '不属于本单位管辖，请重新分派' });
      if (step === 'mediated') await this.cases.close(handler, id, { version: await version(), outcome: 'MEDIATED', reason: '经调解，商家同意退货并赔偿' });
      if (step === 'no-case') await this.cases.close(handler, id, { version: await version(), outcome: 'NO_CASE', reason: '经核查，反映问题不属实' });
      if (step === 'penalized') {
        await this.cases.fileCase(handler, id, { version: await version(), caseNumber: `市监立〔2026〕${externalId.slice(-2)}号` });
        await this.cases.close(handler, id, { version: await version(), outcome: 'PENALIZED', decisionNumber: `市监罚〔2026〕${externalId.slice(-2)}号`, penalties: ['FINE'], fineFen: 2_000_000, confiscationFen: 0 });
      }
    }
    return 1;
  }

  private async viewer(username: string): Promise<Viewer> {
    return toViewer(await this.db.getRepository(UserEntity).findOneByOrFail({ username }));
  }
}

/** `YYYY-MM-DD 10:15:00` in Beijing time, the way a hotline writes its receipt time. */
function beijingTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)} 10:15:00`;
}
