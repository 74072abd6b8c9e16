import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChatRoomEntity } from './chat-room.entity';
import { UserEntity } from './user.entity';

export const CHAT_MEMBER_ROLES = ['owner', 'member'] as const;
export type ChatMemberRole = (typeof CHAT_MEMBER_ROLES)[number];

/**
 * Who belongs to a room. A private room admits only its members; in a public room a row exists for
 * the owner, for members added explicitly, and for anyone muted there (the mute lives on the row).
 */
@Entity('chat_room_members')
@Index('ix_chat_room_members_user', ['userId'])
export class ChatRoomMemberEntity {
  @PrimaryColumn({ name: 'room_id', type: 'uuid' })
  roomId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => ChatRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: ChatRoomEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: CHAT_MEMBER_ROLES, enumName: 'chat_member_role', default: 'member' })
  role!: ChatMemberRole;

  /** A room-level mute by the owner or a moderator: the member may read but not send until then. */
  @Column({ name: 'muted_until', type: 'timestamptz', nullable: true })
  mutedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
