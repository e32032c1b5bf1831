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
  try {
    for (;;) {
      const { done, value } = await reader.read();
      let text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const out: string[][] = [];
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
          if (!(record.length === 1 && record[0] === '')) out.push(record);
          record = [];
        }
      }
      if (!pendingQuote) field += text.slice(start);
      else field += text.slice(start, text.length);
      for (const r of out) yield r;
      if (done) break;
    }
    if (field !== '' || record.length > 0) {
      record.push(field);
      yield record;
    }
  } finally {
    reader.releaseLock();
  }
}
