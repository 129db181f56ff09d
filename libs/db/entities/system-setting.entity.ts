import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Values the processes of one installation must share (e.g. a generated signing key). */
@Entity('system_setting')
export class SystemSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
