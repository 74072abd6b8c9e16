import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Full-text search over published, redacted text (PostgreSQL tsvector + a partial GIN index). */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
