import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { SearchPageDto, SearchQueryDto } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  /** Everyone sees the same results: search returns published content only, and no authors. */
  @Public()
  @Get()
  search(@Query() query: SearchQueryDto): Promise<SearchPageDto> {
    return this.searchService.search(query.q, query.limit, query.cursor);
  }
}
