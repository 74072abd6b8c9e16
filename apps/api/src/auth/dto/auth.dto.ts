import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsNotCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from '../password-policy';
import { UserDto } from '../../users/dto/user.dto';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export const SELF_REGISTER_ROLES = ['patient', 'physician'] as const;

export class RegisterDto {
  @ApiProperty({ example: 'asha@example.com' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  @IsNotCommonPassword()
  password!: string;

  /** A pseudonym: letters, digits, dot, dash, underscore. */
  @ApiProperty({ example: 'asha_k', minLength: 3, maxLength: 32 })
  @IsString()
  @Length(3, 32)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/, { message: 'handle may use letters, digits, ".", "-" and "_"' })
  handle!: string;

  @ApiProperty({ enum: SELF_REGISTER_ROLES })
  @IsIn(SELF_REGISTER_ROLES, { message: 'role must be patient or physician' })
  role!: (typeof SELF_REGISTER_ROLES)[number];
}

export class LoginDto {
  @ApiProperty()
  @Transform(trimLower)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
}

export class SessionDto extends TokenPairDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
}
