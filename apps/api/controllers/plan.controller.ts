import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Can } from '../../../libs/auth/decorators.js';
import { PlanService } from '../../../libs/plan/plan.service.js';

@ApiTags('plan')
@ApiBearerAuth()
@Controller()
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Get('departments')
  @Can('department.list')
  departments() {
    return this.plans.departments();
  }

  @Get('plans')
  @Can('plan.read')
  list() {
    return this.plans.list();
  }

  @Get('plans/:id')
  @Can('plan.read')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.plans.get(id);
  }
}
