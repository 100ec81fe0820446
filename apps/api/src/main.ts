import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, configureHttpApp } from '@hub/core';
import { useSocketAdapter } from '@hub/live';
import { ApiModule } from './api.module';
import { serveWebApp } from './web-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(ApiModule, { bodyParser: false, bufferLogs: true });
  app.enableShutdownHooks();
  configureHttpApp(app);
  useSocketAdapter(app);
  serveWebApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.env.PORT, config.env.HOST);
}

void bootstrap();
