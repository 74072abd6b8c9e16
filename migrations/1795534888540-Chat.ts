import { MigrationInterface, QueryRunner } from "typeorm";

export class Chat1795534888540 implements MigrationInterface {
    name = 'Chat1795534888540'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."chat_room_visibility" AS ENUM('public', 'private')
        `);
        await queryRunner.query(`
            CREATE TABLE "chat_rooms" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "name" character varying(80) NOT NULL,
                "visibility" "public"."chat_room_visibility" NOT NULL,
                "hosted" boolean NOT NULL DEFAULT false,
                "owner_id" uuid NOT NULL,
                "slow_mode_seconds" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c69082bd83bffeb71b0f455bd59" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_chat_rooms_recent" ON "chat_rooms" ("created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."chat_member_role" AS ENUM('owner', 'member')
        `);
        await queryRunner.query(`
            CREATE TABLE "chat_room_members" (
                "room_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" "public"."chat_member_role" NOT NULL DEFAULT 'member',
                "muted_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8b552ce0b87221e66dde839dffb" PRIMARY KEY ("room_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_chat_room_members_user" ON "chat_room_members" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "content"
            ADD "room_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "content"
            ADD "client_msg_id" character varying(64)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_content_client_msg" ON "content" ("author_id", "client_msg_id")
            WHERE "client_msg_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_room_history" ON "content" ("room_id", "created_at", "id")
            WHERE "status" = 'published'
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_rooms"
            ADD CONSTRAINT "FK_52c8dcc9f1ba9030439699e8b69" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "content"
            ADD CONSTRAINT "FK_e509a085d28961fa12d140babcb" FOREIGN KEY ("room_id") REFERENCES "chat_rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_room_members"
            ADD CONSTRAINT "FK_58f6a1eac4ffde565c8b078bf4e" FOREIGN KEY ("room_id") REFERENCES "chat_rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_room_members"
            ADD CONSTRAINT "FK_f7d4d1d255b71027906de8357f5" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "chat_room_members" DROP CONSTRAINT "FK_f7d4d1d255b71027906de8357f5"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_room_members" DROP CONSTRAINT "FK_58f6a1eac4ffde565c8b078bf4e"
        `);
        await queryRunner.query(`
            ALTER TABLE "content" DROP CONSTRAINT "FK_e509a085d28961fa12d140babcb"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_rooms" DROP CONSTRAINT "FK_52c8dcc9f1ba9030439699e8b69"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_room_history"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_content_client_msg"
        `);
        await queryRunner.query(`
            ALTER TABLE "content" DROP COLUMN "client_msg_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "content" DROP COLUMN "room_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_chat_room_members_user"
        `);
        await queryRunner.query(`
            DROP TABLE "chat_room_members"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."chat_member_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_chat_rooms_recent"
        `);
        await queryRunner.query(`
            DROP TABLE "chat_rooms"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."chat_room_visibility"
        `);
    }

}
