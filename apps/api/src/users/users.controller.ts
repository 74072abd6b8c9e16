import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { GrantRoleDto, PublicUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.me(actor);
  }

  /** Anyone may look up a pseudonym; only the public half of verification shows (no e-mail, no registration). */
  @Public()
  @Get('users/:id')
  profile(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicUserDto> {
    return this.users.publicProfile(id);
  }

  @Post('admin/users/:id/roles')
  @HttpCode(200)
  grantRole(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: GrantRoleDto,
  ): Promise<PublicUserDto> {
    return this.users.grantRole(actor, id, body.role);
  }
}
