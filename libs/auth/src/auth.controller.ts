import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@hub/core';
import { CreatedDto, CreateUserDto, LoginDto, LoginResponseDto } from './auth.dto';
import { Roles } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff login; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto.username, dto.password);
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
