import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const CHAT_ROOM_VISIBILITIES = ['public', 'private'] as const;
export type ChatRoomVisibility = (typeof CHAT_ROOM_VISIBILITIES)[number];

/**
 * A live group chat. Public rooms are open to every signed-in user; private rooms to their members
 * (and moderators). A `hosted` room is one a verified physician runs, e.g. an "ask the cardiologist"
 * hour: only a verified physician may open one, and it is always public.
 */
@Entity('chat_rooms')
@Index('ix_chat_rooms_recent', ['createdAt', 'id'])
export class ChatRoomEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'enum', enum: CHAT_ROOM_VISIBILITIES, enumName: 'chat_room_visibility' })
  visibility!: ChatRoomVisibility;

  @Column({ type: 'boolean', default: false })
  hosted!: boolean;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  /** Seconds a member must wait between two messages; 0 is off. Owner and moderators are exempt. */
  @Column({ name: 'slow_mode_seconds', type: 'integer', default: 0 })
  slowModeSeconds!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
