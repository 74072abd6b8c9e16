import { MigrationInterface, QueryRunner } from "typeorm";

export class ContentCascadeIndexes1795544566487 implements MigrationInterface {
    name = 'ContentCascadeIndexes1795544566487'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "ix_content_parent" ON "content" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_moderation_items_content" ON "moderation_items" ("content_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_moderation_items_content"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_parent"
        `);
    }

}
