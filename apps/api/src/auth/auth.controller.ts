import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { LoginResponse, MeResponse } from '@interakt/shared/api-contracts';
import type { Request } from 'express';
import { ApiErrorResponse } from '../common/openapi';
import type { User } from '../users/user.entity';
import { AuthService } from './auth.service';
import { Authenticated } from './decorators/authenticated.decorator';
import { CurrentPrincipal } from './decorators/current-principal.decorator';
import { Public } from './decorators/public.decorator';
import { ChangePasswordDto, LoginDto, LoginResponseDto, MeResponseDto } from './dto/auth.dto';
import { LocalAuthGuard } from './guards/local-auth.guard';
import type { Principal } from './principal';
import type { AuditContext } from '../audit/audit-context';
import { Caller, requestOrigin } from '../audit/caller.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ApiErrorResponse, description: 'INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: 'ACCOUNT_INACTIVE (right password, deactivated account)' })
  @ApiTooManyRequestsResponse({ type: ApiErrorResponse, description: 'TOO_MANY_ATTEMPTS, with Retry-After' })
  login(@Req() req: Request & { user: User }): Promise<LoginResponse> {
    return this.auth.login(req.user, requestOrigin(req));
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated({ summary: 'Sign out: this token stops working at once', userOnly: true })
  async logout(@Caller() caller: AuditContext, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(caller, principal);
  }

  @Get('me')
  @Authenticated({ summary: 'The signed-in user and the permissions of their role', userOnly: true })
  @ApiOkResponse({ type: MeResponseDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.auth.me(principal);
  }

  @Post('change-password')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ summary: 'Change your own password; every older token of yours stops working', userOnly: true })
  @ApiOkResponse({ type: LoginResponseDto, description: 'A fresh token' })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'INVALID_CURRENT_PASSWORD, WEAK_PASSWORD or VALIDATION_FAILED' })
  changePassword(
    @Caller() caller: AuditContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
  ): Promise<LoginResponse> {
    return this.auth.changePassword(caller, principal, body.currentPassword, body.newPassword);
  }
}
