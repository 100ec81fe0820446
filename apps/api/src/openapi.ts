import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { API_PREFIX, openApiDocument } from '@hub/core';
import { ApiModule } from './api.module';

/** Writes the OpenAPI document of the api to openapi.json (or the path given). */
async function writeOpenApi(): Promise<void> {
  // preview: routes and their metadata without connecting to PostgreSQL or Redis
  const app = await NestFactory.create(ApiModule, { bodyParser: false, logger: ['error'], preview: true });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  const target = process.argv[2] ?? 'openapi.json';
  writeFileSync(target, JSON.stringify(openApiDocument(app), null, 2));
  console.log(`OpenAPI written to ${target}`);
  await app.close();
}

writeOpenApi().catch((error) => {
  console.error(error);
  process.exit(1);
});
