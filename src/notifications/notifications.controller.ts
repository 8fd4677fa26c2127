import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ListNotificationsQuery } from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';
import { PageOf } from '../common/openapi/page.dto.js';
import { type Page } from '../common/pagination/pagination.js';
import { NotificationDto } from './dto/notifications-responses.dto.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get()
  @Access('JUDGE', 'CLERK', 'ADMIN')
  @ApiOperation({ summary: 'The messages sent (or being sent) to the people on cases, newest first' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PageOf(NotificationDto) })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<Page<NotificationDto>> {
    return this.notifications.list(actor, query);
  }
}
