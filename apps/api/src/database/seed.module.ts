import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { SeedService } from './seed.service';

@Module({ providers: [SeedService, PasswordHasher] })
export class SeedModule {}
