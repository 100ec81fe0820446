import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { MarkedResponse, NotificationListResponse, NotificationResponse, NotificationsQuery } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s notices (their unit and role, or their role everywhere), newest first; keyset-paged' })
  @ApiOkResponse({ type: NotificationListResponse })
  list(@CurrentViewer() viewer: Viewer, @Query() query: NotificationsQuery) {
    return this.notifications.list(viewer, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notice of the caller read' })
  @ApiOkResponse({ type: MarkedResponse })
  readAll(@CurrentViewer() viewer: Viewer) {
    return this.notifications.markAllRead(viewer);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notice read' })
  @ApiOkResponse({ type: NotificationResponse })
  read(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.notifications.markRead(viewer, id);
  }
}
