import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 大字模式 kept with the account (app_user.large_text), so it follows the user to another computer or phone instead of
 * staying in one browser. Only adds a defaulted column (`expand`: old processes neither read nor write it).
 */
export class LargeText1796551598801 implements MigrationInterface {
  name = 'LargeText1796551598801';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "app_user" ADD "large_text" boolean NOT NULL DEFAULT false');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "large_text"');
  }
}
