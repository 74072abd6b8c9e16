import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Plain decimal digits only: `Number()` alone would also take "1e1", "0x10" and " ". */
const toDecimalInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (/^\d{1,6}$/.test(value) ? Number(value) : Number.NaN) : value;

/** `?limit=` (1–100, default 20) and `?cursor=`, as every list in API.md takes them. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toDecimalInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
