import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { ContentModule } from '../content/content.module';
import { DemoContentService } from './demo-content.service';
import { SeedService } from './seed.service';

@Module({ imports: [ContentModule], providers: [SeedService, DemoContentService, PasswordHasher] })
export class SeedModule {}
