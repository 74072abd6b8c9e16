import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const TAGS_MAX = 5;
/** Lower-case slugs: safe in URLs (`?tag=`) and one spelling per topic. */
export const TAG = /^[a-z0-9][a-z0-9-]{0,31}$/;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Tags are compared lower-cased, so "Diabetes" and "diabetes" are one tag. */
const normaliseTags = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((tag: unknown) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)) : value;

/** `optional` for edits, which send only what changes. */
const presence = (optional: boolean, doc: ApiPropertyOptions) => (optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]);

/**
 * The title and body rules every content DTO shares (questions, answers, threads, posts); a
 * resource may narrow the title's bounds (a forum thread's title is read in a list, so stays short).
 */
export const TitleField = ({ optional = false, min = 1, max = TITLE_MAX } = {}) =>
  applyDecorators(
    ...presence(optional, { minLength: min, maxLength: max, example: 'Is a resting heart rate of 95 normal?' }),
    Transform(trim),
    IsString(),
    Length(min, max, { message: `title must be ${min} to ${max} characters (not counting surrounding spaces)` }),
  );

export const BodyField = ({ optional = false } = {}) =>
  applyDecorators(
    ...presence(optional, { minLength: 1, maxLength: BODY_MAX, description: 'Plain text with a small Markdown subset; goes through the moderation pipeline' }),
    Transform(trim),
    IsString(),
    Length(1, BODY_MAX, { message: `body must be 1 to ${BODY_MAX} characters (not counting surrounding spaces)` }),
  );

export const TagsField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX, example: ['cardiology', 'blood-pressure'] }),
    IsOptional(),
    Transform(normaliseTags),
    IsArray(),
    ArrayMaxSize(TAGS_MAX, { message: `tags may hold at most ${TAGS_MAX} tags` }),
    IsString({ each: true }),
    Matches(TAG, { each: true, message: 'each tag must be a slug: a letter or digit, then up to 31 letters, digits or "-"' }),
    ArrayUnique(undefined, { message: 'tags must not repeat (they are compared in lower case)' }),
  );

export const AnonymousField = () =>
  applyDecorators(
    ApiPropertyOptional({ default: false, description: 'Hide the author from everyone but moderators' }),
    IsOptional(),
    IsBoolean(),
  );
