import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can } from '../../../libs/auth/decorators.js';
import { PlanService } from '../../../libs/plan/plan.service.js';
import { DepartmentDto, PlanDetailDto, PlanDto } from '../dto/plan.dto.js';

@ApiTags('plan')
@ApiBearerAuth()
@Controller()
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Get('departments')
  @Can('department.list')
  @ApiOkResponse({ type: [DepartmentDto] })
  departments(): Promise<DepartmentDto[]> {
    return this.plans.departments();
  }

  @Get('plans')
  @Can('plan.read')
  @ApiOkResponse({ type: [PlanDto] })
  list(): Promise<PlanDto[]> {
    return this.plans.list();
  }

  @Get('plans/:id')
  @Can('plan.read')
  @ApiOkResponse({ type: PlanDetailDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PlanDetailDto> {
    return this.plans.get(id);
  }
}
