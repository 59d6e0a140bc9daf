/**
 * The sentence a word stands in: from the last sentence end before it to the first after it
 * (。！？；… and line breaks), with its end mark and closing quote.
 */
const END = /[。！？!?；;…\n]/;
/** A sentence longer than this is cut around the word (a headline run into a paragraph, a list). */
const MAX = 120;

export function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !END.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !END.test(text[b])) b++;
  // The end mark belongs to the sentence, and so does a closing quote right after it.
  if (b < text.length && text[b] !== '\n') b++;
  while (b < text.length && /[”’」』）)]/.test(text[b])) b++;
  if (b - a > MAX) {
    const half = (MAX - (end - start)) >> 1;
    a = Math.max(a, start - half);
    b = Math.min(b, end + half);
  }
  // White space between Han characters is layout (a column's line end), elsewhere one space.
  return text
    .slice(a, b)
    .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
