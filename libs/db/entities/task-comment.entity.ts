import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';
import type { UserEntity } from './user.entity.js';

/** A comment on a task, or a 领导批示 (an instruction by a supervisor or leader), shown apart at the top of the task. */
@Entity('task_comment')
@Index('idx_task_comment_task', ['taskId', 'createdAt'])
export class TaskCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_comment_task' })
  task?: Relation<TaskEntity>;

  @Column({ type: 'uuid', name: 'author_id' })
  authorId: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_task_comment_author' })
  author?: Relation<UserEntity>;

  @Column({ type: 'text' })
  body: string;

  /** 领导批示: an instruction rather than a remark. */
  @Column({ type: 'boolean', default: false })
  instruction: boolean;

  /** The users the body @-mentions (told of it). */
  @Column({ type: 'uuid', array: true, name: 'mentioned_user_ids', default: () => "'{}'" })
  mentionedUserIds: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
