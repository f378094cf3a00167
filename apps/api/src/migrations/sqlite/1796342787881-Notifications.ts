import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 消息 (one row per user and event, with the e-mail copy's status) and users' e-mail addresses */
export class Notifications1796342787881 implements MigrationInterface {
    name = 'Notifications1796342787881'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "link" varchar(300), "agencyId" varchar(36), "reportId" varchar(36), "actorName" varchar(200), "createdAt" datetime(3) NOT NULL, "readAt" datetime(3), "emailStatus" varchar(16), "emailAttempts" integer NOT NULL DEFAULT (0), "emailError" text, "emailSentAt" datetime(3))`);
        await queryRunner.query(`CREATE INDEX "IDX_notification_user_created" ON "notification" ("userId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_notification_user_read" ON "notification" ("userId", "readAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_notification_email" ON "notification" ("emailStatus") `);
        await queryRunner.query(`ALTER TABLE "user" ADD COLUMN "email" varchar(254)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "email"`);
        await queryRunner.query(`DROP INDEX "IDX_notification_email"`);
        await queryRunner.query(`DROP INDEX "IDX_notification_user_read"`);
        await queryRunner.query(`DROP INDEX "IDX_notification_user_created"`);
        await queryRunner.query(`DROP TABLE "notification"`);
    }
}
