import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const USER_ROLES = ['patient', 'physician', 'moderator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; never shown to other users. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** The pseudonym other users see, as the user typed it. */
  @Column({ type: 'varchar', length: 32 })
  handle!: string;

  /** Lower-cased handle: "Asha" and "asha" are the same person to readers. */
  @Index('uq_users_handle_key', { unique: true })
  @Column({ name: 'handle_key', type: 'varchar', length: 32 })
  handleKey!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role', default: 'patient' })
  role!: UserRole;

  /** Set when a moderator approves the physician's registration; null otherwise. */
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  /** The specialty the public sees next to the verified badge. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  specialty!: string | null;

  /** While in the future the user can read but not write (a moderator's mute). */
  @Column({ name: 'muted_until', type: 'timestamptz', nullable: true })
  mutedUntil!: Date | null;

  /** While in the future the user cannot sign in or use a token (a moderator's suspension). */
  @Column({ name: 'suspended_until', type: 'timestamptz', nullable: true })
  suspendedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
