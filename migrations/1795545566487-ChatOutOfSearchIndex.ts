import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Chat messages leave the search index: they are never searched (search.sql.ts), yet every one was
 * added to ix_content_search, and with a million questions in the table each chat batch paid for it,
 * the slow part being the GIN pending list merged into the big index now and then by whichever insert
 * filled it. The predicate repeats the kinds the search query asks for, so the planner still proves
 * the index usable for search and for the questions filter (kind = 'question').
 */
export class ChatOutOfSearchIndex1795545566487 implements MigrationInterface {
    name = 'ChatOutOfSearchIndex1795545566487'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_content_search"`);
        await queryRunner.query(
            `CREATE INDEX "ix_content_search" ON "content" USING GIN ("search") WHERE "status" = 'published' AND "kind" IN ('question', 'answer', 'thread', 'post')`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_content_search"`);
        await queryRunner.query(`CREATE INDEX "ix_content_search" ON "content" USING GIN ("search") WHERE "status" = 'published'`);
    }
}
