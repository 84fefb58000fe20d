/**
 * Exact pictures of a DOM for the fuzz tests: unlike markup, the serialisation
 * shows every node boundary (two adjacent text nodes are two entries), every
 * attribute, comments, and template contents; the text-node list lets a test
 * check that the page's very own node objects survived (a page script holding
 * a reference must still find its node in the document).
 */

/** One line per node: depth, kind, and its data or name and attributes. */
export function serialise(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node, depth: number): void => {
    switch (n.nodeType) {
      case 3:
        out.push(`${depth}#text ${JSON.stringify((n as Text).data)}`);
        break;
      case 8:
        out.push(`${depth}#comment ${JSON.stringify((n as Comment).data)}`);
        break;
      case 1: {
        const el = n as Element;
        const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
        out.push(`${depth}<${el.namespaceURI === 'http://www.w3.org/1999/xhtml' ? '' : `${el.namespaceURI}:`}${el.localName} ${attrs}>`);
        if (el.localName === 'template' && 'content' in el) walk((el as HTMLTemplateElement).content, depth + 1);
        break;
      }
      default:
        out.push(`${depth}#node${n.nodeType}`);
    }
    // childNodes, not nextSibling: happy-dom's nextSibling is a linear search of the parent.
    for (const c of n.childNodes) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** Every text node under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const out: Text[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Index of the first position where two text-node lists hold different node objects, or -1. */
export function firstIdentityDifference(a: readonly Text[], b: readonly Text[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}
