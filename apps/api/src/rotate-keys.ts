import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SealedDataRotation } from '@hub/auth';
import { SetupModule } from './setup/setup.module';

/**
 * Re-seals every sealed value (reporter data, raw request bodies) under the first key of PII_KEYS.
 * Rotate by putting the new key first and keeping the old ones after it; run this; once it reports
 * nothing stale, the old keys can be removed from PII_KEYS.
 */
async function rotateKeys(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SetupModule, { logger: ['error', 'warn', 'log'] });
  try {
    const report = await app.get(SealedDataRotation).rotate();
    console.log(JSON.stringify(report));
    if (Object.values(report.stale).some((n) => n > 0)) process.exitCode = 2;
  } finally {
    await app.close();
  }
}

rotateKeys().catch((error) => {
  console.error(error);
  process.exit(1);
});
