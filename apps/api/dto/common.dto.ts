import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional `?name=true|false` query parameter as a boolean; anything else is a 400 naming it. */
export function QueryBoolean(name: string, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: `${name} must be true or false` }),
  );
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
}

/**
 * An instant, as JSON writes a Date (ISO 8601). Named explicitly rather than read from the property's
 * design type, which is a different class under fake timers (and would document an object).
 */
export function ApiTimestamp(options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ type: String, format: 'date-time', ...options });
}

/** A page of a list, as every list route answers it: `{items, total, page, limit}` (extend it to name the page's DTO). */
export function PageOf<T>(item: Class<T>) {
  abstract class Page {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ description: 'items matching, on every page' }) total: number;
    @ApiProperty() page: number;
    @ApiProperty() limit: number;
  }
  return Page;
}
