import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { PhysicianVerificationEntity, UserEntity, type UserRole } from '@asclepia/database';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { AppConfig } from '../config/app-config';
import { DemoContentService } from './demo-content.service';

/** Shared by every demo account; printed in the README, never used outside the embedded demo. */
export const DEMO_PASSWORD = 'asclepia-demo-2026';

interface DemoUser {
  email: string;
  handle: string;
  role: UserRole;
  specialty?: string;
  verified?: boolean;
  pending?: { registrationNumber: string; council: string; country: string };
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'meera@demo.asclepia.local', handle: 'meera_k', role: 'patient' },
  { email: 'john@demo.asclepia.local', handle: 'johnny_h', role: 'patient' },
  { email: 'dr.rao@demo.asclepia.local', handle: 'dr_rao', role: 'physician', specialty: 'Cardiology', verified: true },
  {
    email: 'dr.khan@demo.asclepia.local',
    handle: 'dr_khan',
    role: 'physician',
    specialty: 'Endocrinology',
    pending: { registrationNumber: 'MMC-2011-04567', council: 'Maharashtra Medical Council', country: 'IN' },
  },
  { email: 'anita@demo.asclepia.local', handle: 'mod_anita', role: 'moderator' },
];

/**
 * Idempotent: every insert is keyed on e-mail, so restarting never duplicates anything.
 * The admin from SEED_ADMIN_EMAIL is created if missing (and never has its password reset).
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demoContent: DemoContentService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_ADMIN_EMAIL && this.config.SEED_ADMIN_PASSWORD) {
      await this.ensureUser({ email: this.config.SEED_ADMIN_EMAIL, handle: 'admin', role: 'admin' }, this.config.SEED_ADMIN_PASSWORD);
    }
    if (this.config.seedDemo) {
      let created = 0;
      for (const demo of DEMO_USERS) if (await this.ensureUser(demo, DEMO_PASSWORD)) created++;
      if (created > 0) this.logger.log(`demo users created (${created})`);
      await this.demoContent.ensure();
    }
  }

  /** True when this call created the user; false when the e-mail already had an account. */
  private async ensureUser(demo: DemoUser, password: string): Promise<boolean> {
    const email = demo.email.toLowerCase();
    if (await this.dataSource.getRepository(UserEntity).existsBy({ email })) return false;
    const passwordHash = await this.hasher.hash(password);
    // Anyone may register a handle such as "admin" first; the seeded account then takes a suffixed one
    // rather than silently not being created.
    for (const handle of [demo.handle, `${demo.handle}_${randomBytes(3).toString('hex')}`]) {
      const outcome = await this.insert(demo, email, handle, passwordHash);
      if (outcome !== 'handle-taken') return outcome === 'created';
      this.logger.warn(`handle "${handle}" is taken; seeding the ${demo.role} account under another handle`);
    }
    throw new Error(`Seed could not find a free handle for the ${demo.role} account "${demo.handle}"`);
  }

  private insert(demo: DemoUser, email: string, handle: string, passwordHash: string): Promise<'created' | 'exists' | 'handle-taken'> {
    return this.dataSource.transaction(async (manager) => {
      // ON CONFLICT DO NOTHING: two instances starting together both get here; one of them wins.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({
          email,
          handle,
          handleKey: handle.toLowerCase(),
          passwordHash,
          role: demo.role,
          verifiedAt: demo.verified ? new Date() : null,
          specialty: demo.verified ? (demo.specialty ?? null) : null,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!id) return (await manager.existsBy(UserEntity, { email })) ? 'exists' : 'handle-taken';
      if (demo.pending && demo.specialty) {
        await manager.insert(PhysicianVerificationEntity, { userId: id, specialty: demo.specialty, status: 'pending', ...demo.pending });
      }
      return 'created';
    });
  }
}
