import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `?plan=`: one plan's work, by the plan's id or code; an unknown plan is 404 naming it. */
export function PlanFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: 'taixing-edu-14th',
      description: "only the work of this plan, by its id or its code (404 naming it when there is no such plan); absent: every plan's",
    }),
    IsOptional(),
    IsString(),
    MaxLength(100),
  );
}
