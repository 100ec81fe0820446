import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DomainError } from '../errors/domain-error';

export const API_PREFIX = 'api/v1';
const INTAKE_PATH = `/${API_PREFIX}/intake/`;

/**
 * HTTP setup shared by the api process and the tests: feeds' bodies are read raw by
 * the intake endpoint (stored before parsing), every other JSON body up to 1 MiB.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(securityHeaders());
  const json = express.json({ limit: '1mb' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith(INTAKE_PATH)) return next();
    json(req, res, (error?: unknown) => next(error ? bodyParserError(error) : undefined));
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.enableShutdownHooks();
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('trust proxy', 'loopback');
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}

/**
 * Security headers on every response: the console and the API docs load scripts only
 * from this origin (Ant Design writes its styles at run time, so styles may be inline),
 * no page may frame them, no MIME sniffing, no referrer leaves the site.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('hotline-hub')
    .setDescription('One ticket queue for the province’s seven anti-counterfeiting hotlines: intake, tickets, routing, consoles.')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Feed-Key' }, 'feedKey')
    .build();
  return SwaggerModule.createDocument(app, config);
}

function bodyParserError(error: unknown): DomainError {
  const e = error as { type?: string; message?: string };
  if (e.type === 'entity.too.large') return new DomainError('PAYLOAD_TOO_LARGE', 'Request body is over 1 MiB', 413);
  if (e.type === 'entity.parse.failed') return new DomainError('MALFORMED_JSON', `Body is not valid JSON: ${e.message}`, 400);
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new DomainError('UNSUPPORTED_MEDIA_TYPE', e.message ?? 'Unsupported encoding', 415);
  return new DomainError('BAD_REQUEST', e.message ?? 'Request body could not be read', 400);
}
