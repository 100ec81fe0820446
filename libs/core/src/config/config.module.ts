import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './app-config';
import { AppConfig } from './app-config.service';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      envFilePath: ['.env'],
      validate: (raw) => ({ app: validateEnvironment(raw) }),
    }),
  ],
  providers: [AppConfig],
  exports: [AppConfig],
})
export class HubConfigModule {}
