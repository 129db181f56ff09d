import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { DepartmentEntity } from './department.entity.js';

/** A department's group robot (WeCom or DingTalk), set by an administrator. */
@Entity('department_webhook')
export class DepartmentWebhookEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'department_code' })
  departmentCode: string;

  @OneToOne('DepartmentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_code', foreignKeyConstraintName: 'fk_department_webhook_department' })
  department?: Relation<DepartmentEntity>;

  /** `wecom` or `dingtalk`: the two markdown formats differ. */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
