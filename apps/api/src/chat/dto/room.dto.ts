import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CHAT_MEMBER_ROLES, CHAT_ROOM_VISIBILITIES, type ChatMemberRole, type ChatRoomEntity, type ChatRoomMemberEntity, type ChatRoomVisibility, type UserEntity } from '@asclepia/database';
import { ContentAuthorDto } from '../../content/dto/content.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateRoomDto {
  @ApiProperty({ minLength: 1, maxLength: 80 })
  @Transform(trim)
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiProperty({ enum: CHAT_ROOM_VISIBILITIES })
  @IsIn(CHAT_ROOM_VISIBILITIES)
  visibility!: ChatRoomVisibility;

  @ApiPropertyOptional({ description: 'A room a verified physician hosts (public only), e.g. "ask the cardiologist"' })
  @IsOptional()
  @IsBoolean()
  hosted?: boolean;
}

export class UpdateRoomDto {
  @ApiProperty({ minimum: 0, maximum: 3600, description: 'Seconds between two messages of one member; 0 turns slow mode off' })
  @IsInt()
  @Min(0)
  @Max(3600)
  slowModeSeconds!: number;
}

export class AddMemberDto {
  @ApiProperty() @IsUUID() userId!: string;
}

export class MuteMemberDto {
  @ApiProperty() @IsUUID() userId!: string;

  @ApiProperty({ minimum: 0, maximum: 10080, description: 'Minutes; 0 lifts the mute' })
  @IsInt()
  @Min(0)
  @Max(10080)
  minutes!: number;
}

export class RoomDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CHAT_ROOM_VISIBILITIES }) visibility!: ChatRoomVisibility;
  @ApiProperty() hosted!: boolean;
  @ApiProperty({ type: ContentAuthorDto, description: 'The owner; for a hosted room, the verified physician who hosts it' })
  owner!: ContentAuthorDto;
  @ApiProperty() slowModeSeconds!: number;
  @ApiProperty() createdAt!: string;
}

export class RoomPageDto {
  @ApiProperty({ type: [RoomDto] }) items!: RoomDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MemberDto {
  @ApiProperty() roomId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: CHAT_MEMBER_ROLES }) role!: ChatMemberRole;
  @ApiProperty({ nullable: true, type: String }) mutedUntil!: string | null;
}

export const RoomMapper = {
  /** The owner is shown like a content author: pseudonymous handle and badge, never e-mail or name. */
  toDto(room: ChatRoomEntity, owner: UserEntity): RoomDto {
    const verified = owner.verifiedAt !== null;
    return {
      id: room.id,
      name: room.name,
      visibility: room.visibility,
      hosted: room.hosted,
      owner: { id: owner.id, handle: owner.handle, role: owner.role, verified, specialty: verified ? owner.specialty : null },
      slowModeSeconds: room.slowModeSeconds,
      createdAt: room.createdAt.toISOString(),
    };
  },

  toMember(row: ChatRoomMemberEntity): MemberDto {
    return { roomId: row.roomId, userId: row.userId, role: row.role, mutedUntil: row.mutedUntil ? row.mutedUntil.toISOString() : null };
  },
};
