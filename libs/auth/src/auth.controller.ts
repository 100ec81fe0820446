import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@hub/core';
import { CreatedDto, CreateUserDto, LoginDto, LoginResponseDto, RefreshDto } from './auth.dto';
import { CurrentClaims, Roles } from './auth.decorators';
import type { TokenClaims } from './auth.service';
import { LoginThrottleGuard } from './login-throttle.guard';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @UseGuards(LoginThrottleGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff login; returns a short-lived bearer token and a rotating refresh token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'too many attempts from this address or for this account, or locked after wrong passwords; see Retry-After' })
  login(@Body() dto: LoginDto, @Req() request: Request): Promise<LoginResponseDto> {
    return this.auth.login(dto.username, dto.password, request.ip ?? 'unknown');
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Spends a refresh token for a new access token and the next refresh token (a reused one ends the session)' })
  @ApiOkResponse({ type: LoginResponseDto })
  refresh(@Body() dto: RefreshDto): Promise<LoginResponseDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Ends this login session: its access and refresh tokens stop working, its sockets are closed' })
  @ApiNoContentResponse()
  logout(@CurrentClaims() claims: TokenClaims): Promise<void> {
    return this.auth.logout(claims);
  }

  @Post('users')
  @Roles('ADMIN')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a staff account (admin only)' })
  @ApiCreatedResponse({ type: CreatedDto })
  createUser(@Body() dto: CreateUserDto): Promise<CreatedDto> {
    return this.auth.createUser(dto);
  }
}
