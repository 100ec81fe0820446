import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getOptionsToken, getStorageToken } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@hub/core';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthSessions } from './auth-sessions.service';
import { LoginLockout } from './login-lockout.service';
import { loginThrottles, LoginThrottleGuard, LoginThrottleStorage } from './login-throttle.guard';
import { PiiCipher } from './pii-cipher';
import { piiCipherProvider } from './pii-cipher.provider';
import { StaffAuthGuard } from './staff-auth.guard';
import { UserEntity } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.env.JWT_SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthSessions,
    LoginLockout,
    StaffAuthGuard,
    piiCipherProvider,
    { provide: APP_GUARD, useExisting: StaffAuthGuard },
    LoginThrottleStorage,
    { provide: getStorageToken(), useExisting: LoginThrottleStorage },
    { provide: getOptionsToken(), inject: [AppConfig], useFactory: loginThrottles },
    LoginThrottleGuard,
  ],
  exports: [AuthService, StaffAuthGuard, PiiCipher],
})
export class AuthModule {}
