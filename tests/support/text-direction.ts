import type { Locator, Page } from 'playwright-core';

/**
 * Every text node holding a Hebrew letter (no kiosk language is written in Hebrew, so each one
 * is a person's words) that is not isolated on its own: its parent must be a `<bdi>`, an element
 * with `dir="auto"` and `unicode-bidi: isolate`, or an SVG `<text>` with `unicode-bidi: plaintext`,
 * and must hold that text and nothing else, or the words around it could be reordered.
 */
export async function userTextOutsideIsolation(page: Page): Promise<{ found: string[]; outside: string[] }> {
  return page.evaluate(() => {
    const hebrew = /\p{Script=Hebrew}/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const outside: string[] = [];
    const found: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!hebrew.test(text)) continue;
      found.push(text);
      const parent = node.parentElement;
      const style = parent === null ? null : getComputedStyle(parent);
      const isIsolating =
        parent !== null &&
        style !== null &&
        ((parent.localName === 'bdi' && parent.getAttribute('dir') === null) ||
          (parent.getAttribute('dir') === 'auto' && style.unicodeBidi === 'isolate') ||
          (parent.localName === 'text' && style.unicodeBidi === 'plaintext'));
      if (!isIsolating || parent.textContent !== text) outside.push(`<${parent?.localName ?? '?'} class="${parent?.getAttribute('class') ?? ''}">${text}`);
    }
    return { found, outside };
  });
}

/** Where a piece of text stands on screen, left to right: the box of its first occurrence inside `root`. */
export async function boxOfText(root: Locator, piece: string): Promise<{ left: number; right: number }> {
  return root.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const boxes = [...range.getClientRects()];
      return { left: Math.min(...boxes.map((box) => box.left)), right: Math.max(...boxes.map((box) => box.right)) };
    }
    throw new Error(`"${wanted}" is not on the page`);
  }, piece);
}
