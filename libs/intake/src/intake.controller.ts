import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, requestIdOf } from '@hub/core';
import { FEEDS } from './adapters/feed-record';
import { IntakeService } from './intake.service';

@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post(':feed')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'A hotline pushes records in its own format (feeds.md); raw bytes are stored before parsing' })
  @ApiParam({ name: 'feed', enum: FEEDS })
  @ApiHeader({ name: 'X-Feed-Key', required: true })
  @ApiConsumes('application/json', 'application/xml', 'multipart/form-data', 'message/rfc822', 'application/x-www-form-urlencoded')
  @ApiAcceptedResponse({ description: '{ rawId, accepted: [{ index, externalId, ticketId, trackingCode, duplicate }], rejected: [{ index, externalId, errors }] }' })
  @ApiResponse({ status: 400, description: 'unreadable body (stored, shown to operators)' })
  @ApiResponse({ status: 401, description: 'missing or wrong feed key' })
  @ApiResponse({ status: 413, description: 'over the feed’s size limit' })
  @ApiResponse({ status: 415, description: 'wrong content type' })
  @ApiResponse({ status: 422, description: 'no acceptable record' })
  receive(@Param('feed') feed: string, @Req() req: Request) {
    const length = req.headers['content-length'];
    return this.intake.receive({
      feed,
      feedKey: req.header('x-feed-key'),
      contentType: req.header('content-type') ?? null,
      contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
      body: req,
      requestId: requestIdOf(req),
    });
  }
}
