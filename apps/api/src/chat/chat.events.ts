import type { ChatMessageDto } from './dto/message.dto';

/**
 * The chat domain's own events (STYLE.md rule 6: services emit, a listener talks to sockets).
 * Content-wide changes — edits, removals, moderators' decisions — arrive as `content.changed`.
 */
export const CHAT_MESSAGE_STORED = 'chat.message.stored';
export interface ChatMessageStoredEvent {
  roomId: string;
  /** As anyone in the room may see it: redacted, no moderation outcome, no client key. */
  message: ChatMessageDto;
  /** The pipeline found an emergency or self-harm: moderators are alerted at once. */
  crisis: boolean;
}

export const CHAT_MEMBER_REMOVED = 'chat.member.removed';
export interface ChatMemberRemovedEvent {
  roomId: string;
  userId: string;
}
