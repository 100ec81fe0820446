import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, configureHttpApp } from '@hub/core';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(ApiModule, { bodyParser: false, bufferLogs: true });
  configureHttpApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.env.PORT, config.env.HOST);
}

void bootstrap();
