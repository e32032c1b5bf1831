import { describe, expect, it } from 'vitest';
import { curlCommands, parseCurl, shellWords } from './curl-examples.js';

describe('reading curl examples out of the docs', () => {
  it('splits shell words as a shell does: quotes, escapes, line continuations', () => {
    expect(shellWords(`curl -H "Authorization: Bearer $T" \\\n  -d '{"a": "b c"}' it\\'s`)).toEqual([
      'curl',
      '-H',
      'Authorization: Bearer $T',
      '-d',
      '{"a": "b c"}',
      "it's",
    ]);
    expect(() => shellWords(`curl -d '{"open": true}`)).toThrow(/Unclosed/);
  });

  it('finds commands in fenced blocks (multi-line, output skipped) and inline code spans', () => {
    const markdown = [
      'Text with `curl -X DELETE localhost:3000/v1/x` inline.',
      '```sh',
      'curl -X POST http://localhost:3000/v1/y \\',
      `  -d '{"a":1,`,
      `       "b":2}'`,
      '# {"ok":true}',
      '```',
    ].join('\n');
    const commands = curlCommands(markdown);
    expect(commands).toHaveLength(2);
    const [block, inline] = commands.map((command) => parseCurl('doc.md', command));
    expect(block).toMatchObject({ method: 'POST', path: '/v1/y' });
    expect(JSON.parse(block?.body ?? '')).toEqual({ a: 1, b: 2 });
    expect(inline).toEqual({ where: 'doc.md', method: 'DELETE', path: '/v1/x', headers: {} });
  });

  it('defaults the method as curl does, lower-cases header names, and refuses flags it does not know', () => {
    expect(parseCurl('d', 'curl localhost:3000/v1/me?x=1').method).toBe('GET');
    expect(parseCurl('d', `curl -H 'X-Thing: 1' -d '{}' localhost/v1/a`)).toMatchObject({
      method: 'POST',
      headers: { 'x-thing': '1' },
    });
    expect(() => parseCurl('d', 'curl -F file=@a localhost/v1/a')).toThrow(/-F/);
  });
});
