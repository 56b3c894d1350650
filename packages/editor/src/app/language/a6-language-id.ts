/** Monaco language id of rulebook files; also the file extension (`.a6`). */
export const A6_LANGUAGE_ID = 'a6';
