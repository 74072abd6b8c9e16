import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: GIN indexes are outside what TypeORM generates from entities, and the forum
 * categories are data every installation needs (they fit DESIGN.md's seven uses of social media
 * for health communication).
 */
export class ContentSearchAndForums1795533480000 implements MigrationInterface {
  name = 'ContentSearchAndForums1795533480000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Only published text is ever searched, so only published rows are indexed.
    await queryRunner.query(`CREATE INDEX "ix_content_search" ON "content" USING GIN ("search") WHERE "status" = 'published'`);
    await queryRunner.query(
      `CREATE INDEX "ix_content_question_tags" ON "content" USING GIN ("tags") WHERE "kind" = 'question' AND "status" = 'published'`,
    );
    await queryRunner.query(`
      INSERT INTO "forums" ("slug", "name", "description", "position") VALUES
        ('ask-a-doctor', 'Ask a doctor', 'General health questions that verified physicians read and answer in public.', 1),
        ('living-with', 'Living with a condition', 'Day-to-day life with diabetes, asthma, arthritis, thyroid and other long-term conditions.', 2),
        ('mental-health', 'Mental health', 'Anxiety, depression, stress and sleep — a moderated, stigma-free space; post anonymously if you prefer.', 3),
        ('caregivers', 'Caregivers', 'For people looking after a parent, partner or child: practical help and support.', 4),
        ('prevention-and-wellness', 'Prevention and wellness', 'Screening, vaccination, nutrition, exercise and healthy habits.', 5),
        ('health-education', 'Health education', 'Articles and explainers written by verified physicians.', 6),
        ('patient-experiences', 'Patient experiences', 'Share what treatment, hospitals and recovery were like, so others know what to expect.', 7)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "forums" WHERE "slug" IN ('ask-a-doctor', 'living-with', 'mental-health', 'caregivers', 'prevention-and-wellness', 'health-education', 'patient-experiences')`);
    await queryRunner.query(`DROP INDEX "ix_content_question_tags"`);
    await queryRunner.query(`DROP INDEX "ix_content_search"`);
  }
}
