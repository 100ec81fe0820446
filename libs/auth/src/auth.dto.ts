import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from './roles';

export class LoginDto {
  @ApiProperty({ example: 'admin' }) @IsString() @MaxLength(64) username: string;
  @ApiProperty({ example: 'admin-demo-2026' }) @IsString() @MaxLength(256) password: string;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 3600 }) expiresIn: number;
}

export class CreateUserDto {
  @ApiProperty({ example: 'op.zhang' }) @IsString() @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username: 3-64 letters, digits, . _ -' }) username: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(256) password: string;
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
