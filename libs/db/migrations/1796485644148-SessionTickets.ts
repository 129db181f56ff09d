import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionTickets1796485644148 implements MigrationInterface {
  name = 'SessionTickets1796485644148';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "session_ticket" ("hash" character(64) NOT NULL, "kind" character varying(16) NOT NULL, "session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0421ab241375d3af976ee7503b2" PRIMARY KEY ("hash"))',
    );
    await runner.query(
      'ALTER TABLE "session_ticket" ADD CONSTRAINT "fk_session_ticket_session" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "session_ticket" DROP CONSTRAINT "fk_session_ticket_session"');
    await runner.query('DROP TABLE "session_ticket"');
  }
}
