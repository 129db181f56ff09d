import { PlanFilter } from './plan-filter.js';
import { ApiTimestamp } from './common.dto.js';
import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedCreatedDto {
  @ApiProperty({
    example: 'https://duban.example.cn/api/v1/feeds/3q2-7wEJ0w1ZbE5hEXJyZ1n0kQ8m7yQ6lPZkqkD0tRw.ics',
    description:
      'the private feed URL; shown only now (only a hash of its token is stored). Subscribe to it in a calendar app; anyone with it sees your deadlines',
  })
  url: string;

  @ApiTimestamp() createdAt: Date;
}

export class CalendarFeedStatusDto {
  @ApiProperty({ description: 'the caller has a feed URL that works' }) active: boolean;
  @ApiTimestamp({ nullable: true, description: 'when the working URL was made; null without one' }) createdAt: Date | null;
}

export class FeedQuery {
  @PlanFilter()
  plan?: string;
}
