import { AnswerEndorsementEntity } from './answer-endorsement.entity';
import { AnswerVoteEntity } from './answer-vote.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { ChatRoomMemberEntity } from './chat-room-member.entity';
import { ChatRoomEntity } from './chat-room.entity';
import { ContentOriginalEntity } from './content-original.entity';
import { ContentRevisionEntity } from './content-revision.entity';
import { ContentEntity } from './content.entity';
import { ForumEntity } from './forum.entity';
import { ModerationItemEntity } from './moderation-item.entity';
import { NotificationEntity } from './notification.entity';
import { PhysicianVerificationEntity } from './physician-verification.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { ReportEntity } from './report.entity';
import { SanctionEntity } from './sanction.entity';
import { UserEntity } from './user.entity';

export * from './answer-endorsement.entity';
export * from './answer-vote.entity';
export * from './audit-entry.entity';
export * from './chat-room-member.entity';
export * from './chat-room.entity';
export * from './content-original.entity';
export * from './content-revision.entity';
export * from './content.entity';
export * from './forum.entity';
export * from './moderation-item.entity';
export * from './notification.entity';
export * from './physician-verification.entity';
export * from './refresh-token.entity';
export * from './report.entity';
export * from './sanction.entity';
export * from './user.entity';

export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  PhysicianVerificationEntity,
  AuditEntryEntity,
  ForumEntity,
  ContentEntity,
  ContentOriginalEntity,
  ContentRevisionEntity,
  ModerationItemEntity,
  ReportEntity,
  AnswerVoteEntity,
  AnswerEndorsementEntity,
  SanctionEntity,
  NotificationEntity,
  ChatRoomEntity,
  ChatRoomMemberEntity,
];
