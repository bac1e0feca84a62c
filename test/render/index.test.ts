import { PassThrough, Writable } from 'node:stream';

import { describe, expect, test } from 'vitest';

import { isOutputFormat, OUTPUT_FORMATS, renderers, renderTo, renderToString, streamSink, type OutputFormat } from '../../src/render/index.js';
import { makeFlatList, makeSampleResult } from './make-result.js';

describe('renderer registry', () => {
  test('lists every format', () => {
    expect(Object.keys(renderers).sort()).toEqual([...OUTPUT_FORMATS].sort());
    expect(isOutputFormat('csv')).toBe(true);
    expect(isOutputFormat('yaml')).toBe(false);
  });

  test('unknown format is rejected', async () => {
    const sink = { write: () => undefined };
    await expect(renderTo('yaml' as OutputFormat, makeSampleResult(), sink)).rejects.toThrow('Unknown output format "yaml": expected one of text, json, csv, md, mermaid, dot, jsonl, opml, html.');
  });

  test.each(OUTPUT_FORMATS)('%s waits for a slow sink', async (format) => {
    const result = makeFlatList(20_000);
    const expected = await renderToString(format, result);

    let writing = false;
    let overlapped = false;
    let writes = 0;
    const chunks: string[] = [];
    const slowSink = {
      write(chunk: string): Promise<void> {
        if (writing) overlapped = true;
        writing = true;
        writes++;
        chunks.push(chunk);
        return new Promise((resolve) =>
          setTimeout(() => {
            writing = false;
            resolve();
          }, 1),
        );
      },
    };

    await renderTo(format, result, slowSink);
    expect(overlapped).toBe(false);
    expect(writes).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(expected);
  });
});

describe('streamSink', () => {
  test('waits for drain on a full stream', async () => {
    const received: Buffer[] = [];
    const stream = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk);
        setImmediate(callback);
      },
    });
    const result = makeFlatList(5_000);

    await renderTo('json', result, streamSink(stream));
    await new Promise<void>((resolve) => stream.end(resolve));

    expect(Buffer.concat(received).toString('utf8')).toBe(await renderToString('json', result));
  });

  test('rejects when the stream fails', async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const rendering = renderTo('text', makeFlatList(50_000), streamSink(stream));
    setImmediate(() => stream.destroy(new Error('disk full')));
    await expect(rendering).rejects.toThrow('disk full');
  });
});
