import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const SANCTION_KINDS = ['mute', 'suspend'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/**
 * A moderator's sanction: `mute` stops a user writing, `suspend` stops them signing in at all.
 * The history lives here; `users.muted_until` / `suspended_until` hold the effect the request
 * path checks.
 */
@Entity('sanctions')
@Index('ix_sanctions_user', ['userId', 'createdAt'])
export class SanctionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: SANCTION_KINDS, enumName: 'sanction_kind' })
  kind!: SanctionKind;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
