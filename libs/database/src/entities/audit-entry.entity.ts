import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only: a trigger (see the AuditLogAppendOnly migration) refuses UPDATE, DELETE and TRUNCATE,
 * so not even a compromised application account can rewrite history.
 */
@Entity('audit_log')
export class AuditEntryEntity {
  /** Monotonic, so it doubles as the keyset cursor. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Null for actions taken by the system itself. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId!: string | null;

  /** An object default (not a raw SQL string) so TypeORM compares it as JSON and sees no drift. */
  @Column({ type: 'jsonb', default: {} })
  details!: Record<string, unknown>;
}
