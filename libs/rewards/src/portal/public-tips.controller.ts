import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@hub/core';
import { ClaimRewardDto, SubmitTipDto, TipLookupDto, TipReceiptDto, TipStatusDto } from './public-tips.dto';
import { PublicTipsService } from './public-tips.service';
import { readTipUpload } from './tip-upload';

/** The client address for rate limits only (never stored): the proxy's X-Forwarded-For when it comes through loopback. */
const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

@ApiTags('public portal')
@ApiExtraModels(SubmitTipDto)
@Public()
@Controller('public/tips')
export class PublicTipsController {
  constructor(private readonly tips: PublicTipsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a complaint or tip without login (JSON, or multipart with up to 5 photos/PDFs); answers the tracking code and the PIN, shown once' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(SubmitTipDto) },
        {
          type: 'object',
          required: ['tip'],
          properties: { tip: { type: 'string', description: 'the JSON body as a string' }, files: { type: 'array', maxItems: 5, items: { type: 'string', format: 'binary' } } },
        },
      ],
    },
  })
  @ApiResponse({ status: 201, type: TipReceiptDto })
  async submit(@Req() req: Request, @Body() body: Record<string, unknown>): Promise<TipReceiptDto> {
    const upload = req.is('multipart/form-data') ? await readTipUpload(req) : { tip: body, files: [] };
    const dto = await this.tips.parseTip(upload.tip);
    return this.tips.submit(dto, upload.files, clientAddress(req));
  }

  @Post('status')
  @HttpCode(200)
  @ApiOperation({ summary: 'The tipster’s view of their ticket and reward, by tracking code and PIN (404 TIP_NOT_FOUND for any wrong pair; 429 after repeated failures)' })
  @ApiResponse({ status: 200, type: TipStatusDto })
  status(@Req() req: Request, @Body() dto: TipLookupDto): Promise<TipStatusDto> {
    return this.tips.status(dto, clientAddress(req));
  }

  @Post('claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim a notified reward with a payout account (sealed); 409 NO_REWARD_TO_CLAIM when there is none' })
  @ApiResponse({ status: 200, type: TipStatusDto })
  claim(@Req() req: Request, @Body() dto: ClaimRewardDto): Promise<TipStatusDto> {
    return this.tips.claim(dto, clientAddress(req));
  }
}
