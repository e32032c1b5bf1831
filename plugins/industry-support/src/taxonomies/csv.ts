/** How much of a chunk is decoded and parsed at a time. */
const SLICE = 64 * 1024;

/**
 * Reads delimited text (RFC 4180: quoted fields, `""` escapes, line breaks inside quotes, CRLF or
 * LF, a leading BOM) from a stream, one record at a time: the file is never held whole.
 */
export async function* delimitedRecords(stream: ReadableStream<Uint8Array>, delimiter = ','): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  const reader = stream.getReader();
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let first = true;
  let pendingQuote = false;
  /** Parses one piece of decoded text, yielding each record as soon as it is complete. */
  function* parse(input: string): Generator<string[]> {
    let text = input;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (pendingQuote) {
        pendingQuote = false;
        if (ch === '"') {
          field += '"';
          start = i + 1;
          continue;
        }
        quoted = false;
        afterQuote = true;
      }
      if (quoted) {
        if (ch === '"') {
          field += text.slice(start, i);
          start = i + 1;
          pendingQuote = true;
        }
        continue;
      }
      if (ch === '"' && field === '' && start === i && !afterQuote) {
        quoted = true;
        start = i + 1;
        continue;
      }
      if (ch === delimiter) {
        record.push(field + text.slice(start, i));
        field = '';
        afterQuote = false;
        start = i + 1;
      } else if (ch === '\n' || ch === '\r') {
        record.push(field + text.slice(start, i));
        field = '';
        afterQuote = false;
        if (ch === '\r' && text[i + 1] === '\n') i++;
        start = i + 1;
        const done = record;
        record = [];
        if (!(done.length === 1 && done[0] === '')) yield done;
      }
    }
    field += text.slice(start);
  }

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        yield* parse(decoder.decode());
        break;
      }
      // A store may hand over the whole file as one chunk: decode it a slice at a time, so no
      // more than a slice of text (and the records it completes) is held at once.
      for (let offset = 0; offset < value.length; offset += SLICE) {
        yield* parse(decoder.decode(value.subarray(offset, offset + SLICE), { stream: true }));
      }
    }
    if (field !== '' || record.length > 0) {
      record.push(field);
      yield record;
    }
  } finally {
    reader.releaseLock();
  }
}
