import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { jwtKey, RUNTIME, type Runtime } from '../config/runtime';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { PasswordHasher } from './password-hasher';
import { SharedThrottlerStorage } from './shared-throttler-storage';
import { TokensService } from './tokens.service';

/** Per-account tracking keys on the submitted e-mail, so one account can't be sprayed from many IPs. */
const accountTracker = (request: Record<string, unknown>) => {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return Promise.resolve(`account:${email}`);
};

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => ({
        secret: jwtKey(runtime),
        signOptions: {
          algorithm: 'HS256',
          expiresIn: runtime.config.ACCESS_TOKEN_TTL_SECONDS,
          issuer: 'asclepia',
          audience: 'asclepia-api',
        },
      }),
    }),
    // OWASP: throttle credential guessing per source and per target account.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'ip', ttl: 60_000, limit: 20 },
          { name: 'account', ttl: 15 * 60_000, limit: 10, getTracker: accountTracker },
        ],
        skipIf: () => config.RATE_LIMIT === 'off',
        errorMessage: 'Too many attempts; try again later',
        // With REDIS_URL every API process counts the same attempts (scale-out, DESIGN.md).
        storage: config.REDIS_URL ? new SharedThrottlerStorage(config.REDIS_URL) : undefined,
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokensService,
    PasswordHasher,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
