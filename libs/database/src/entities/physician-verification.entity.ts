import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const VERIFICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** A physician's application to be verified. Its professional details are seen only by moderators. */
@Entity('physician_verifications')
@Index('uq_physician_verifications_one_pending', ['userId'], { unique: true, where: `"status" = 'pending'` })
@Index('ix_physician_verifications_status_created', ['status', 'createdAt', 'id'])
export class PhysicianVerificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'registration_number', type: 'varchar', length: 64 })
  registrationNumber!: string;

  @Column({ type: 'varchar', length: 120 })
  council!: string;

  @Column({ type: 'varchar', length: 80 })
  specialty!: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'enum', enum: VERIFICATION_STATUSES, enumName: 'verification_status', default: 'pending' })
  status!: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
