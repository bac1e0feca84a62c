import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/render/index.js';
import { makeResult } from './make-result.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const hostile = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.constantFrom('</script><script>alert(1)</script>', '<!--', '<img src=x onerror=alert(1)>', '"><b>x</b>', '&amp; &lt;', '\u2028\u2029'),
);

function elements(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) {
    found.push(node);
  }
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    elements(child, found);
  }
  if ('content' in node && node.content) {
    elements(node.content as Node, found);
  }
  return found;
}

function textOf(element: Element): string {
  return element.childNodes.map((child) => ('value' in child ? child.value : textOf(child as Element))).join('');
}

describe('html export with hostile titles', () => {
  it('keeps titles as data and injects no element', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.array(hostile, { minLength: 1, maxLength: 5 }), async (spaceName, titles) => {
        const result = makeResult({
          space: { key: 'HTML', name: spaceName },
          roots: [{ id: '1', title: 'Root', children: titles.map((title, index) => ({ id: String(10 + index), title })) }],
        });
        const html = await renderToString('html', result);
        const all = elements(parse(html));
        const scripts = all.filter((element) => element.tagName === 'script');

        expect(scripts).toHaveLength(2);
        expect(all.filter((element) => ['img', 'b', 'iframe'].includes(element.tagName))).toEqual([]);
        const data = JSON.parse(textOf(scripts[0]!));
        expect(data.roots[0].children.map((child: { title: string }) => child.title)).toEqual(titles);
        expect(data.space.name).toBe(spaceName);
        // HTML parsing drops NUL and turns CR LF into LF, so the heading can show only the rest.
        const visibleName = spaceName.replace(/\u0000/g, '').replace(/\r\n?/g, '\n');
        expect(textOf(all.find((element) => element.tagName === 'h1')!)).toContain(visibleName);
      }),
      { numRuns: 60 },
    );
  });
});
