import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import type { UserEntity } from '@asclepia/database';
import type { Actor } from '../access/access-policy';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { LoginDto, RefreshDto, RegisterDto, SessionDto, TokenPairDto } from './dto/auth.dto';
import { LocalAuthGuard } from './guards';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
@UseGuards(AuthThrottlerGuard)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @SkipThrottle({ account: true })
  register(@Body() body: RegisterDto): Promise<SessionDto> {
    return this.auth.register(body);
  }

  /** Throttled per IP and per account before the password is even checked. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  login(@Req() request: { user: UserEntity }): Promise<SessionDto> {
    return this.auth.session(request.user);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @SkipThrottle({ account: true })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @SkipThrottle({ ip: true, account: true })
  async logout(@CurrentActor() actor: Actor, @Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(actor, body.refreshToken);
  }
}
