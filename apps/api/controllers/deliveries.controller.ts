import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can } from '../../../libs/auth/decorators.js';
import { DeliveryAdminService } from '../../../libs/notifications/delivery-admin.service.js';
import { DeliveryListQuery, DeliveryPageDto } from '../dto/delivery.dto.js';

/** Outgoing messages (mail and robot), for administrators: `?status=failed` lists those given up. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveryAdminService) {}

  @Get()
  @Can('delivery.list')
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@Query() query: DeliveryListQuery) {
    return this.deliveries.list(query.status, query.page, query.limit);
  }
}
