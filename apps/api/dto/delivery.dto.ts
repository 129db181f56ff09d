import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Omittable } from './omittable.js';
import { DeliveryChannel, DeliveryStatus } from '../../../libs/vocabulary/notifications.js';
import { WebhookKind } from '../../../libs/webhook/webhook-driver.js';
import { PageQuery, ApiTimestamp, PageOf } from './common.dto.js';

export class SetWebhookDto {
  @ApiProperty({ enum: WebhookKind, description: 'wecom: 企业微信群机器人; dingtalk: 钉钉群机器人 (markdown messages)' })
  @IsEnum(WebhookKind)
  kind: WebhookKind;

  @ApiProperty({
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    description:
      "the robot's webhook address: a host of WEBHOOK_ALLOWED_HOSTS at a public address (or in WEBHOOK_ALLOWED_NETWORKS, where http is allowed too), else 400",
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ default: true, description: 'false keeps the address but sends nothing' })
  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookDto {
  @ApiProperty({ example: 'finance' }) departmentCode: string;
  @ApiProperty({ enum: WebhookKind }) kind: string;
  @ApiProperty() url: string;
  @ApiProperty() enabled: boolean;
  @ApiTimestamp() updatedAt: Date;
}

export class DeliveryListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DeliveryStatus, description: 'failed: the messages given up after DELIVERY_GIVE_UP_MS of retries' })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;
}

export class DeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DeliveryChannel }) channel: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the user a mail goes to' }) recipientId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the department whose robot a webhook message goes to' }) departmentCode: string | null;
  @ApiProperty({ description: "e-mail address, or the robot's URL with its key masked" }) target: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: DeliveryStatus }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiTimestamp() createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: Date | null;
}

export class DeliveryPageDto extends PageOf(DeliveryDto) {}
