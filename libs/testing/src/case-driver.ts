import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export interface CaseClose {
  outcome: 'PENALIZED' | 'NO_CASE';
  fineFen?: number;
  confiscationFen?: number;
  rewardLevel?: 'L1' | 'L2' | 'L3';
}

/**
 * The lead unit's handler walks a dispatched ticket through the case API: accept, file
 * the case (立案), close with the outcome, penalty and proposed reward level.
 */
export async function closeCase(app: INestApplication, ticketId: string, close: CaseClose, handlerToken: string): Promise<void> {
  const auth = { Authorization: `Bearer ${handlerToken}` };
  const act = async (action: string, body: Record<string, unknown>) => {
    const { version } = (await request(app.getHttpServer()).get(`/api/v1/tickets/${ticketId}`).set(auth).expect(200)).body;
    const res = await request(app.getHttpServer()).post(`/api/v1/tickets/${ticketId}/${action}`).set(auth).send({ version, ...body });
    if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  await act('accept', {});
  await act('file-case', { caseNumber: `长市监立〔2026〕${ticketId.slice(0, 6)}号` });
  const penalized = close.outcome === 'PENALIZED';
  await act('close', {
    outcome: close.outcome,
    ...(penalized
      ? { decisionNumber: `长市监罚〔2026〕${ticketId.slice(0, 6)}号`, penalties: close.fineFen ? ['FINE'] : ['WARNING'], fineFen: close.fineFen ?? 0, confiscationFen: close.confiscationFen ?? 0 }
      : { reason: '经核查，举报事项不属实' }),
    ...(close.rewardLevel ? { rewardLevel: close.rewardLevel } : {}),
  });
}
