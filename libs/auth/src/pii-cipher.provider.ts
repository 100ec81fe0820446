import { Provider } from '@nestjs/common';
import { AppConfig } from '@hub/core';
import { PiiCipher } from './pii-cipher';

export const piiCipherProvider: Provider = {
  provide: PiiCipher,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => new PiiCipher(config.piiKeys),
};
