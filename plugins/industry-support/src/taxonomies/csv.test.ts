import { describe, expect, it } from 'vitest';
import { delimitedRecords } from './csv.js';

/** A stream of the text cut into chunks of `size` bytes (multi-byte characters split too). */
function chunked(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

const read = async (stream: ReadableStream<Uint8Array>, delimiter?: string) => {
  const out: string[][] = [];
  for await (const record of delimitedRecords(stream, delimiter)) out.push(record);
  return out;
};

const SAMPLE =
  '\uFEFFID,LABEL,ALTLABELS\r\n' +
  'key_1,"safety, health and hygiene","first\nsecond"\r\n' +
  'key_2,"the ""quoted"" word",\n' +
  'key_3,Größe,\n' +
  '\n' +
  'key_4,last,no newline at the end';

const EXPECTED = [
  ['ID', 'LABEL', 'ALTLABELS'],
  ['key_1', 'safety, health and hygiene', 'first\nsecond'],
  ['key_2', 'the "quoted" word', ''],
  ['key_3', 'Größe', ''],
  ['key_4', 'last', 'no newline at the end'],
];

describe('reading delimited text from a stream', () => {
  it('handles quotes, escaped quotes, line breaks in fields, CRLF, a BOM and blank lines', async () => {
    expect(await read(chunked(SAMPLE, 1 << 16))).toEqual(EXPECTED);
  });

  it('gives the same records however the bytes are cut into chunks', async () => {
    for (const size of [1, 2, 3, 5, 7, 11, 13])
      expect(await read(chunked(SAMPLE, size)), `chunks of ${size}`).toEqual(EXPECTED);
  });

  it('splits on tabs for O*NET files', async () => {
    expect(await read(chunked('a\tb c\td\n1\t2\t3\n', 4), '\t')).toEqual([
      ['a', 'b c', 'd'],
      ['1', '2', '3'],
    ]);
  });
});
