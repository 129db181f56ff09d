import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { SessionTicketService } from '../../../libs/auth/session-ticket.service.js';
import type { Actor } from '../../../libs/common/roles.js';
import { DASHBOARD_PATH } from '../../../libs/queue/queue-dashboard.js';

class DashboardTicketDto {
  @ApiProperty({ example: '/admin/queues?ticket=…', description: 'open it in the browser within a minute, once' }) url: string;
  @ApiProperty() expiresAt: Date;
}

/** The way into Bull Board for a browser: a single-use ticket instead of a token in the address. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('queue-dashboard')
export class QueueDashboardController {
  constructor(private readonly tickets: SessionTicketService) {}

  @Post('ticket')
  @Can('queue.dashboard')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "a link to Bull Board (/admin/queues) with a single-use ticket valid for a minute; opening it sets an HttpOnly cookie on the dashboard's path that lasts while the caller's session does (audited: queue.dashboard.open)",
  })
  @ApiOkResponse({ type: DashboardTicketDto })
  async ticket(@CurrentActor() actor: Actor): Promise<DashboardTicketDto> {
    const { ticket, expiresAt } = await this.tickets.issue(actor);
    return { url: `${DASHBOARD_PATH}?ticket=${ticket}`, expiresAt };
  }
}
