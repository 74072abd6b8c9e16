import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TimeCursor } from '../common/http/time-cursor';
import { toPage } from '../common/http/keyset-page';
import { SearchMapper, type SearchPageDto, type SearchRow } from './dto/search.dto';
import { SEARCH_SQL, searchParams } from './search.sql';

@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Public: only published, redacted text is indexed or returned. */
  async search(q: string, limit: number, cursor?: string): Promise<SearchPageDto> {
    const after = cursor ? TimeCursor.decode(cursor) : undefined;
    const rows: SearchRow[] = await this.dataSource.query(SEARCH_SQL, searchParams(q, limit + 1, after));
    return toPage(rows, limit, (row) => SearchMapper.toItem(row), (last) => TimeCursor.encode({ createdAt: last.cursor_created_at, id: last.id }));
  }
}
