import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { CarryOverService } from '../../../libs/plan/carry-over.service.js';
import { PlanService } from '../../../libs/plan/plan.service.js';
import { CarryOverDto, CarryOverRecordDto, CarryOverResultDto, DepartmentDto, PlanDetailDto, PlanDto } from '../dto/plan.dto.js';

@ApiTags('plan')
@ApiBearerAuth()
@Controller()
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly carrying: CarryOverService,
  ) {}

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

  @Post('plans/:id/carry-over')
  @Can('plan.carry-over')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '结转: move open tasks of this plan into another plan, all or nothing, with their history, progress, evidence, comments and reminder ladder. ' +
      'taskIds absent: every open task; named tasks take their open sub-tasks along (completed and cancelled sub-tasks stay). ' +
      "A task's clause reference becomes the same ref in the new plan when it has one, else null (the old one is kept in the move record). " +
      "The old plan's evaluation as of any day before the move is unchanged: it counts the task until the move and as 结转 (carriedOver) from then on; " +
      'the new plan counts it from the move. A seed re-import of the old plan leaves carried tasks where they went. ' +
      'Audited per task (task.carry_over) and on both plans (plan.carry_over). ' +
      '400 malformed body; 404 unknown plan, or named tasks not in this plan; 409 the same plan, completed or cancelled tasks named, or a sub-task named without its open parent (each named in the message)',
  })
  @ApiOkResponse({ type: CarryOverResultDto })
  carryOver(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CarryOverDto): Promise<CarryOverResultDto> {
    return this.carrying.carryOver(actor, id, body);
  }

  @Get('plans/:id/carry-overs')
  @Can('plan.read')
  @ApiOperation({ summary: 'the tasks carried over (结转) out of this plan and into it, latest first; 404 for an unknown plan' })
  @ApiOkResponse({ type: [CarryOverRecordDto] })
  carryOvers(@Param('id', new ParseUUIDPipe()) id: string): Promise<CarryOverRecordDto[]> {
    return this.carrying.list(id);
  }
}
