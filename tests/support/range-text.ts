/**
 * linkedom (the DOM of the unit tests) has no Range text: its ranges print as [object Object].
 * The first stage reads a document's text through a Range over it (lib/dom/sample.ts allText),
 * so the tests give a linkedom document the little of Range that allText uses: the document's
 * contents, optionally ending before an element, as text in document order; and the list of all
 * elements it counts them with (linkedom's getElementsByTagName('*') finds none).
 */
export function withRangeText<D extends object>(doc: D): D {
  const d = doc as unknown as Document;
  const byTag = d.getElementsByTagName.bind(d);
  d.getElementsByTagName = ((tag: string) => (tag === '*' ? d.querySelectorAll('*') : byTag(tag))) as Document['getElementsByTagName'];
  d.createRange = () => {
    let end: Node | null = null;
    return {
      selectNodeContents() {},
      setEndBefore(node: Node) {
        end = node;
      },
      toString() {
        let out = '';
        const walk = (n: Node): boolean => {
          if (n === end) return false;
          if (n.nodeType === 3) out += (n as Text).data;
          for (const c of n.childNodes) if (!walk(c)) return false;
          return true;
        };
        walk(d);
        return out;
      },
    } as unknown as Range;
  };
  return doc;
}
