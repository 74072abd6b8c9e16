export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A title is read in a list of threads, so it stays a line long; a body is bounded well below BODY_LIMIT. */
export const TITLE_LENGTH = [3, 150] as const;
export const BODY_LENGTH = [1, 20000] as const;
