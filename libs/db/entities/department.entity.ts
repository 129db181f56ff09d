import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A department of the plan (牵头/配合单位), keyed by a stable code such as `finance`. */
@Entity('department')
export class DepartmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Other names tables use for the department (发改委, 市教育局…); the 分工表 import matches them after the name. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'integer', default: 0 })
  ordinal: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
