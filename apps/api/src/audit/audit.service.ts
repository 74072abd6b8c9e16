import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEntryEntity } from '@asclepia/database';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { AuditEntryDto, AuditPageDto } from './dto/audit-entry.dto';
import { decodeCursor, encodeCursor } from '../common/http/cursor';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** bigint identity: a positive integer PostgreSQL can compare without an out-of-range error (a 500). */
const BIGINT_MAX = 2n ** 63n - 1n;
const isAuditId = (value: string) => /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= BIGINT_MAX;

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Appends one entry; pass the transaction's manager so the entry commits or rolls back with the change it records. */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    await this.recordMany([record], manager);
  }

  /** Appends several entries in one INSERT (e.g. every original a page of the queue showed). */
  async recordMany(records: readonly AuditRecord[], manager?: EntityManager): Promise<void> {
    if (records.length === 0) return;
    const repository = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    const entries = records.map((record) =>
      repository.create({
        actorId: record.actorId,
        action: record.action,
        targetType: record.targetType ?? null,
        targetId: record.targetId ?? null,
        details: record.details ?? {},
      }),
    );
    await repository.save(entries, { reload: false });
  }

  /** Newest first, keyset-paginated on the monotonic id. */
  async list(actor: Actor, limit: number, cursor?: string): Promise<AuditPageDto> {
    assertCan(actor, 'audit.read');
    const after = cursor ? decodeCursor(cursor, isAuditId) : undefined;
    const rows = await this.entries.find({
      where: after ? { id: LessThan(after) } : {},
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(AuditEntryDto.from),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }
}
