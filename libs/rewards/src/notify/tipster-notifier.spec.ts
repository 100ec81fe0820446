import { Logger } from '@nestjs/common';
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { noticeText } from './tipster-notice';
import { LoggingTipsterNotifier, SmsGatewayTipsterNotifier } from './tipster-notifier';

const receipt = { kind: 'RECEIPT' as const, phoneE164: '+8613904319999', trackingCode: 'JL2612021234567', pin: '918273645546372819' };

describe('tipster notifiers', () => {
  it('development: logs the notice without the PIN’s digits or the whole phone', async () => {
    const lines: unknown[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((...args: unknown[]) => void lines.push(args));
    try {
      await new LoggingTipsterNotifier().send(receipt);
    } finally {
      spy.mockRestore();
    }
    const logged = JSON.stringify(lines);
    expect(logged).toContain('JL2612021234567');
    expect(logged).toContain('+86139****9999');
    expect(logged).not.toContain(receipt.pin);
    expect(logged).not.toContain('13904319999');
  });

  it('production: posts the text to the SMS gateway with its key, and fails on a refusal', async () => {
    const received: Array<{ auth: string | undefined; body: { to: string; text: string } }> = [];
    let answer = 200;
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.statusCode = answer;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
    try {
      await new SmsGatewayTipsterNotifier(url, 'gateway-key').send(receipt);
      expect(received).toEqual([{ auth: 'Bearer gateway-key', body: { to: '+8613904319999', text: noticeText(receipt) } }]);
      expect(received[0].body.text).toContain('查询密码 918273645546372819');
      answer = 503;
      await expect(new SmsGatewayTipsterNotifier(url, 'gateway-key').send(receipt)).rejects.toThrow('503');
    } finally {
      server.close();
    }
  });

  it('words a reward notice with the amount in yuan and the claim date in Beijing', () => {
    const text = noticeText({ kind: 'REWARD_APPROVED', phoneE164: '+8613904319999', trackingCode: 'JL2612021234567', amountFen: 1_000_050, claimBy: new Date('2027-01-15T15:59:59.999Z') });
    expect(text).toContain('¥10,000.50');
    expect(text).toContain('2027-01-15');
  });
});
