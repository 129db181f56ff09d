import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentAliases1796433102487 implements MigrationInterface {
  name = 'DepartmentAliases1796433102487';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "department" ADD "aliases" character varying array NOT NULL DEFAULT \'{}\'');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "department" DROP COLUMN "aliases"');
  }
}
