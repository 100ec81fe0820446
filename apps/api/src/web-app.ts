import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '@hub/core/project-root';

export const WEB_DIST = projectPath('apps', 'web', 'dist');
const NOT_THE_APP = /^\/(api|health|socket\.io)(\/|$)/;

/** Serves the built web console (apps/web/dist) with its client-side routes; the API keeps its paths. */
export function serveWebApp(app: INestApplication, dist = WEB_DIST): boolean {
  if (!existsSync(join(dist, 'index.html'))) return false;
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_THE_APP.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
  return true;
}
