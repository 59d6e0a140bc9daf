// A page's HTML as a browser would build its DOM. linkedom's parser (htmlparser2) does not
// repair markup the way browsers do (a <form> across table cells, misnested blocks), and the
// article finder must see the same tree in Node as in the browser: parse5 implements the HTML
// standard's tree construction; its serialisation is then well-formed for linkedom.
import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';

export function parsePage(html: string): Document {
  return parseHTML(serialize(parse(html))).document as unknown as Document;
}
