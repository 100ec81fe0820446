import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from './roles';

export class LoginDto {
  @ApiProperty({ example: 'admin' }) @IsString() @MaxLength(64) username: string;
  @ApiProperty({ example: 'admin-demo-2026' }) @IsString() @MaxLength(256) password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'bearer token for every staff request' }) accessToken: string;
  @ApiProperty({ example: 900, description: 'seconds the access token lives' }) expiresIn: number;
  @ApiProperty({ description: 'spend once at POST /auth/refresh for the next pair; it rotates' }) refreshToken: string;
  @ApiProperty({ example: 43200, description: 'seconds the login session lives at most' }) refreshExpiresIn: number;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MaxLength(200) refreshToken: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'op.zhang' }) @IsString() @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username: 3-64 letters, digits, . _ -' }) username: string;
  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not a common or guessable password' }) @IsString() @MinLength(12) @MaxLength(256) password: string;
  @ApiProperty({ example: '张明' }) @IsString() @MinLength(1) @MaxLength(64) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayMinSize(1) @IsIn(ROLES, { each: true }) roles: Role[];
  @ApiProperty({ example: 'AIC@220100', nullable: true, required: false })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(/^[A-Z]+@\d{6}$/, { message: 'unit must look like DEPT@REGION' })
  unit?: string | null;
}

export class CreatedDto {
  @ApiProperty() id: string;
}
