import { MigrationInterface, QueryRunner } from "typeorm";

export class Content1795533470028 implements MigrationInterface {
    name = 'Content1795533470028'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "forums" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "slug" character varying(64) NOT NULL,
                "name" character varying(120) NOT NULL,
                "description" text NOT NULL,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_d6395f83d095751ecc4068fb040" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_forums_slug" ON "forums" ("slug")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."content_kind" AS ENUM(
                'question',
                'answer',
                'thread',
                'post',
                'message'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."content_status" AS ENUM('published', 'held', 'rejected', 'removed')
        `);
        await queryRunner.query(`
            INSERT INTO "typeorm_metadata"(
                    "database",
                    "schema",
                    "table",
                    "type",
                    "name",
                    "value"
                )
            VALUES ($1, $2, $3, $4, $5, $6)
        `, [await queryRunner.getCurrentDatabase(),"public","content","GENERATED_COLUMN","search","setweight(to_tsvector('english', coalesce(\"title\", '')), 'A') || setweight(to_tsvector('english', \"body\"), 'B')"]);
        await queryRunner.query(`
            CREATE TABLE "content" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "kind" "public"."content_kind" NOT NULL,
                "status" "public"."content_status" NOT NULL,
                "author_id" uuid NOT NULL,
                "anonymous" boolean NOT NULL DEFAULT false,
                "title" text,
                "body" text NOT NULL,
                "disclaimer" text,
                "notices" text array NOT NULL DEFAULT '{}',
                "moderation" jsonb NOT NULL,
                "ruleset_version" character varying(32) NOT NULL,
                "decision_reason" text,
                "parent_id" uuid,
                "forum_id" uuid,
                "tags" text array NOT NULL DEFAULT '{}',
                "accepted_answer_id" uuid,
                "score" integer NOT NULL DEFAULT '0',
                "endorsement_count" integer NOT NULL DEFAULT '0',
                "pinned" boolean NOT NULL DEFAULT false,
                "search" tsvector GENERATED ALWAYS AS (
                    setweight(
                        to_tsvector('english', coalesce("title", '')),
                        'A'
                    ) || setweight(to_tsvector('english', "body"), 'B')
                ) STORED NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a2083913f3647b44f205204e36" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_author" ON "content" ("author_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_published_recent" ON "content" ("created_at", "id")
            WHERE "status" = 'published'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_forum_threads" ON "content" ("forum_id", "pinned", "created_at", "id")
            WHERE "kind" = 'thread'
                AND "status" = 'published'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_children" ON "content" ("parent_id", "created_at", "id")
            WHERE "status" = 'published'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_questions_feed" ON "content" ("created_at", "id")
            WHERE "kind" = 'question'
                AND "status" = 'published'
        `);
        await queryRunner.query(`
            CREATE TABLE "answer_endorsements" (
                "answer_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_01e644d3b7af9c300de84dce90b" PRIMARY KEY ("answer_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "answer_votes" (
                "answer_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "value" smallint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5ede7f08d3726f57100d59b04c1" PRIMARY KEY ("answer_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "content_originals" (
                "content_id" uuid NOT NULL,
                "title" text,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "purge_after" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_c870bfac63ce823089e3a26a236" PRIMARY KEY ("content_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "content_revisions" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "content_id" uuid NOT NULL,
                "editor_id" uuid NOT NULL,
                "title" text,
                "body" text NOT NULL,
                "status" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_750b063aa2aad282d6a5fd2db2a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_revisions_content" ON "content_revisions" ("content_id", "id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."queue_status" AS ENUM('pending', 'decided')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."queue_source" AS ENUM('pipeline', 'report')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."queue_decision" AS ENUM('approve', 'reject', 'edit')
        `);
        await queryRunner.query(`
            CREATE TABLE "moderation_items" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "content_id" uuid NOT NULL,
                "status" "public"."queue_status" NOT NULL DEFAULT 'pending',
                "source" "public"."queue_source" NOT NULL,
                "priority" smallint NOT NULL,
                "findings" jsonb NOT NULL DEFAULT '[]',
                "reasons" jsonb NOT NULL DEFAULT '[]',
                "claimed_by" uuid,
                "claimed_at" TIMESTAMP WITH TIME ZONE,
                "decision" "public"."queue_decision",
                "decision_reason" text,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7553314431cdb0fe119568d0f22" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_moderation_items_queue" ON "moderation_items" ("status", "priority", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_moderation_items_one_pending" ON "moderation_items" ("content_id")
            WHERE "status" = 'pending'
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "type" character varying(64) NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_user" ON "notifications" ("user_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "reports" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "content_id" uuid NOT NULL,
                "reporter_id" uuid NOT NULL,
                "reason" character varying(500) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_reports_content_reporter" ON "reports" ("content_id", "reporter_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."sanction_kind" AS ENUM('mute', 'suspend')
        `);
        await queryRunner.query(`
            CREATE TABLE "sanctions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "kind" "public"."sanction_kind" NOT NULL,
                "reason" character varying(500) NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_by" uuid NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_29bef7647676bb7ec707f29b18f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sanctions_user" ON "sanctions" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "muted_until" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "suspended_until" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "content"
            ADD CONSTRAINT "FK_d5f8701e03b877f3df88d0af635" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "content"
            ADD CONSTRAINT "FK_fa2d568712fb8e24c347c45f7b2" FOREIGN KEY ("parent_id") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "content"
            ADD CONSTRAINT "FK_f56bff2c5d36771a29973fcb5f8" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_endorsements"
            ADD CONSTRAINT "FK_9a44db4429b51be253ebd869941" FOREIGN KEY ("answer_id") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_endorsements"
            ADD CONSTRAINT "FK_c973fc84821685473f6ac198938" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_votes"
            ADD CONSTRAINT "FK_f0157023465e675660fd1709118" FOREIGN KEY ("answer_id") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_votes"
            ADD CONSTRAINT "FK_ab3699386b605aa8235fde46cc4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "content_originals"
            ADD CONSTRAINT "FK_c870bfac63ce823089e3a26a236" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "content_revisions"
            ADD CONSTRAINT "FK_8004fe6945a59aa270f6c7278ed" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "moderation_items"
            ADD CONSTRAINT "FK_f7dcad89daaff328f0caed71b7f" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reports"
            ADD CONSTRAINT "FK_bc7c82f3eafd9e9e9e43bb0722f" FOREIGN KEY ("content_id") REFERENCES "content"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reports"
            ADD CONSTRAINT "FK_9459b9bf907a3807ef7143d2ead" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sanctions"
            ADD CONSTRAINT "FK_59abe13f5fc2c495a5eda526c66" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sanctions" DROP CONSTRAINT "FK_59abe13f5fc2c495a5eda526c66"
        `);
        await queryRunner.query(`
            ALTER TABLE "reports" DROP CONSTRAINT "FK_9459b9bf907a3807ef7143d2ead"
        `);
        await queryRunner.query(`
            ALTER TABLE "reports" DROP CONSTRAINT "FK_bc7c82f3eafd9e9e9e43bb0722f"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
        await queryRunner.query(`
            ALTER TABLE "moderation_items" DROP CONSTRAINT "FK_f7dcad89daaff328f0caed71b7f"
        `);
        await queryRunner.query(`
            ALTER TABLE "content_revisions" DROP CONSTRAINT "FK_8004fe6945a59aa270f6c7278ed"
        `);
        await queryRunner.query(`
            ALTER TABLE "content_originals" DROP CONSTRAINT "FK_c870bfac63ce823089e3a26a236"
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_votes" DROP CONSTRAINT "FK_ab3699386b605aa8235fde46cc4"
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_votes" DROP CONSTRAINT "FK_f0157023465e675660fd1709118"
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_endorsements" DROP CONSTRAINT "FK_c973fc84821685473f6ac198938"
        `);
        await queryRunner.query(`
            ALTER TABLE "answer_endorsements" DROP CONSTRAINT "FK_9a44db4429b51be253ebd869941"
        `);
        await queryRunner.query(`
            ALTER TABLE "content" DROP CONSTRAINT "FK_f56bff2c5d36771a29973fcb5f8"
        `);
        await queryRunner.query(`
            ALTER TABLE "content" DROP CONSTRAINT "FK_fa2d568712fb8e24c347c45f7b2"
        `);
        await queryRunner.query(`
            ALTER TABLE "content" DROP CONSTRAINT "FK_d5f8701e03b877f3df88d0af635"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "suspended_until"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "muted_until"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_sanctions_user"
        `);
        await queryRunner.query(`
            DROP TABLE "sanctions"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."sanction_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_reports_content_reporter"
        `);
        await queryRunner.query(`
            DROP TABLE "reports"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_moderation_items_one_pending"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_moderation_items_queue"
        `);
        await queryRunner.query(`
            DROP TABLE "moderation_items"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."queue_decision"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."queue_source"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."queue_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_revisions_content"
        `);
        await queryRunner.query(`
            DROP TABLE "content_revisions"
        `);
        await queryRunner.query(`
            DROP TABLE "content_originals"
        `);
        await queryRunner.query(`
            DROP TABLE "answer_votes"
        `);
        await queryRunner.query(`
            DROP TABLE "answer_endorsements"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_questions_feed"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_children"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_forum_threads"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_published_recent"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_author"
        `);
        await queryRunner.query(`
            DROP TABLE "content"
        `);
        await queryRunner.query(`
            DELETE FROM "typeorm_metadata"
            WHERE "type" = $1
                AND "name" = $2
                AND "database" = $3
                AND "schema" = $4
                AND "table" = $5
        `, ["GENERATED_COLUMN","search",await queryRunner.getCurrentDatabase(),"public","content"]);
        await queryRunner.query(`
            DROP TYPE "public"."content_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."content_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_forums_slug"
        `);
        await queryRunner.query(`
            DROP TABLE "forums"
        `);
    }

}
