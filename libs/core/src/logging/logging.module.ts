import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config.service';
import { loggableError } from './loggable-error';
import { newRequestId } from './request-id';

/** Fields never written to a log: credentials, feed keys, reporter data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-feed-key"]',
  'req.headers.cookie',
  'req.body',
  'res.headers["set-cookie"]',
  '*.password',
  '*.pin',
  '*.reporter',
  '*.phone',
  '*.idNumber',
];

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Nest 11's path syntax for "every route" (the default '*' is logged as a legacy route)
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.env.LOG_LEVEL,
          genReqId: (req, res: ServerResponse) => {
            const id = newRequestId(req);
            res.setHeader('X-Request-Id', id);
            return id;
          },
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            // the response headers are the same security headers on every answer: a kilobyte a line of nothing new
            res: (res: { statusCode: number | null }) => ({ statusCode: res.statusCode }),
            // a failed query's parameters hold ticket text and reporter data
            err: loggableError,
          },
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class HubLoggingModule {}
