import { Injectable } from '@nestjs/common';
import { TaskCommentEntity } from '../entities/task-comment.entity.js';
import { Transactions } from '../transaction.js';

/** A comment with its author and the people it mentions, by name (what the task page shows). */
export interface CommentRow {
  id: string;
  body: string;
  instruction: boolean;
  createdAt: Date;
  author: { id: string; name: string; role: string; departmentCode: string | null };
  mentions: Array<{ id: string; name: string }>;
}

@Injectable()
export class CommentRepository {
  constructor(private readonly tx: Transactions) {}

  insert(comment: Pick<TaskCommentEntity, 'taskId' | 'authorId' | 'body' | 'instruction' | 'mentionedUserIds'>): Promise<TaskCommentEntity> {
    const repo = this.tx.manager().getRepository(TaskCommentEntity);
    return repo.save(repo.create(comment));
  }

  /** A task's comments, oldest first, with authors and mentions by name. */
  async forTask(taskId: string): Promise<CommentRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(
      `SELECT c.id, c.body, c.instruction, c.created_at, u.id AS author_id, u.name AS author_name, u.role AS author_role, u.department_code AS author_department,
              coalesce((SELECT json_agg(json_build_object('id', m.id, 'name', m.name) ORDER BY m.name) FROM app_user m WHERE m.id = ANY(c.mentioned_user_ids)), '[]') AS mentions
         FROM task_comment c JOIN app_user u ON u.id = c.author_id
        WHERE c.task_id = $1 ORDER BY c.created_at, c.id`,
      [taskId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      body: r.body as string,
      instruction: r.instruction as boolean,
      createdAt: r.created_at as Date,
      author: { id: r.author_id as string, name: r.author_name as string, role: r.author_role as string, departmentCode: r.author_department as string | null },
      mentions: r.mentions as Array<{ id: string; name: string }>,
    }));
  }

  /** The active users called `names` who may see a task of these departments (supervisors, or staff of the departments). */
  async mentionable(names: string[], departments: string[]): Promise<Array<{ id: string; name: string }>> {
    if (names.length === 0) return [];
    return this.tx.manager().query(
      `SELECT id, name FROM app_user
        WHERE active AND name = ANY($1) AND (role IN ('supervisor', 'reviewer', 'admin') OR department_code = ANY($2))`,
      [names, departments],
    );
  }
}
