import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { isValidResidentId } from '@hub/taxonomy';
import { KINDS } from '@hub/tickets/ticket-vocabulary';

/** An 18-character resident ID whose check character is right (GB 11643). */
const IsResidentId = () =>
  ValidateBy({
    name: 'isResidentId',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidResidentId(value.toUpperCase()),
      defaultMessage: (args) => (typeof args?.value === 'string' && /^\d{17}[\dXx]$/.test(args.value) ? '身份证号校验位不正确，请核对' : '身份证号为 18 位'),
    },
  });

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TipSubjectDto {
  @ApiPropertyOptional({ example: '长春市宏达超市有限公司' }) @IsOptional() @Transform(trimmed) @IsString() @MaxLength(200, { message: '名称最多 200 个字' }) name?: string | null;
  @ApiPropertyOptional({ example: '长春市朝阳区人民大街 100 号' }) @IsOptional() @Transform(trimmed) @IsString() @MaxLength(300, { message: '地址最多 300 个字' }) address?: string | null;
  @ApiPropertyOptional({ example: null, nullable: true }) @IsOptional() @Matches(/^[0-9A-Za-z]{18}$/, { message: '统一社会信用代码为 18 位字母或数字' }) uscc?: string | null;
}

export class TipReporterDto {
  @ApiProperty({ description: 'true: the tipster withholds their identity' }) @IsBoolean({ message: '请选择是否匿名' }) anonymous: boolean;
  @ApiPropertyOptional({ example: '张三', description: 'required unless anonymous' })
  @ValidateIf((r: TipReporterDto) => r.anonymous === false || r.name !== undefined)
  @Transform(trimmed)
  @IsString({ message: '请填写姓名' })
  @MinLength(2, { message: '姓名至少 2 个字' })
  @MaxLength(32, { message: '姓名最多 32 个字' })
  name?: string;
  @ApiPropertyOptional({ example: '13912345678', description: 'required unless anonymous; stored as E.164' })
  @ValidateIf((r: TipReporterDto) => r.anonymous === false || r.phone !== undefined)
  @IsString({ message: '请填写联系电话' })
  @Matches(/^[+\d\s()-]{5,30}$/, { message: '电话号码只能包含数字、空格、+、-、括号' })
  phone?: string;
  @ApiPropertyOptional({ example: '220102199003071234', description: 'resident ID (18 characters, check digit verified)' })
  @IsOptional()
  @IsResidentId()
  idNumber?: string;
}

export class SubmitTipDto {
  @ApiProperty({ enum: KINDS, example: 'REPORT' }) @IsIn(KINDS, { message: '请选择类型：投诉、举报、咨询或建议' }) kind: (typeof KINDS)[number];
  @ApiProperty({ example: '超市销售的婴幼儿奶粉罐底生产日期被涂改' })
  @Transform(trimmed)
  @IsString({ message: '请描述您反映的问题' })
  @MinLength(10, { message: '请至少用 10 个字描述问题' })
  @MaxLength(5000, { message: '描述最多 5000 个字' })
  description: string;
  @ApiPropertyOptional({ type: TipSubjectDto }) @IsOptional() @ValidateNested() @Type(() => TipSubjectDto) subject?: TipSubjectDto | null;
  @ApiPropertyOptional({ example: '220100' }) @IsOptional() @Matches(/^\d{6}$/, { message: '地区代码为 6 位数字' }) regionCode?: string | null;
  @ApiPropertyOptional({ example: '婴幼儿奶粉' }) @IsOptional() @Transform(trimmed) @IsString() @MaxLength(200, { message: '产品名称最多 200 个字' }) productName?: string | null;
  @ApiProperty({ type: TipReporterDto }) @IsDefined({ message: '请说明是否匿名' }) @ValidateNested() @Type(() => TipReporterDto) reporter: TipReporterDto;
}

export class TipReceiptDto {
  @ApiProperty({ example: 'JL2612024720913' }) trackingCode: string;
  @ApiProperty({ example: '483920174629301856', description: 'shown once; stored only as an argon2id hash' }) pin: string;
}

export class TipLookupDto {
  @ApiProperty({ example: 'JL2612024720913' }) @IsString() @MaxLength(40) trackingCode: string;
  @ApiProperty({ example: '483920174629301856' }) @IsString() @MaxLength(64) pin: string;
}

export class PayoutDto {
  @ApiProperty({ example: '张三' }) @Transform(trimmed) @IsString() @MinLength(2, { message: '姓名至少 2 个字' }) @MaxLength(32) name: string;
  @ApiProperty({ example: '220102199003071235' }) @IsResidentId() idNumber: string;
  @ApiProperty({ example: '中国工商银行长春分行' }) @Transform(trimmed) @IsString() @MinLength(2, { message: '请填写开户银行' }) @MaxLength(60) bankName: string;
  @ApiProperty({ example: '6222020200112233445' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @Matches(/^\d{8,30}$/, { message: '银行账号为 8 到 30 位数字' })
  accountNumber: string;
}

export class ClaimRewardDto extends TipLookupDto {
  @ApiProperty({ type: PayoutDto }) @IsDefined({ message: '请填写领取账户' }) @ValidateNested() @Type(() => PayoutDto) payout: PayoutDto;
}

export class TipRewardStatusDto {
  @ApiProperty({ enum: ['PROPOSED', 'APPROVED', 'NOTIFIED', 'CLAIMED', 'PAID', 'REJECTED', 'EXPIRED'] }) state: string;
  @ApiProperty() stateText: string;
  @ApiProperty() amountFen: number;
  @ApiPropertyOptional({ nullable: true }) claimBy: string | null;
  @ApiPropertyOptional({ nullable: true }) claimedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) paidAt: string | null;
}

export class TipStatusDto {
  @ApiProperty() trackingCode: string;
  @ApiProperty() status: string;
  @ApiProperty({ example: '已受理，正在核查' }) statusText: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: TipRewardStatusDto, nullable: true }) reward: TipRewardStatusDto | null;
}
