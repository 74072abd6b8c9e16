import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentOriginalEntity } from '@asclepia/database';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';

/**
 * Deletes unredacted originals once their retention has passed (DESIGN.md: purged after the
 * decision plus a retention period). Runs every RETENTION_SWEEP_SECONDS in each API process; the
 * DELETE is idempotent, so replicas sweeping at once purge each row once. 0 turns the timer off
 * (a worker or a test calls `sweep()` instead).
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.RETENTION_SWEEP_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.sweepSafely(), seconds * 1000);
    // The timer alone must not keep the process alive.
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in flight, before the pool it uses is closed. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Purges what is due and audit-logs the run with its count (a system action: no actor). Returns the count. */
  sweep(): Promise<number> {
    this.running ??= this.purge().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async purge(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .delete()
        .from(ContentOriginalEntity)
        .where('purge_after < now()')
        .execute();
      const purged = result.affected ?? 0;
      await this.audit.record({ actorId: null, action: 'retention.originals_purged', targetType: 'content_originals', details: { count: purged } }, m);
      return purged;
    });
  }

  private async sweepSafely(): Promise<void> {
    try {
      const purged = await this.sweep();
      if (purged > 0) this.logger.log(`purged ${purged} unredacted originals past retention`);
    } catch (error) {
      this.logger.error(`retention sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
