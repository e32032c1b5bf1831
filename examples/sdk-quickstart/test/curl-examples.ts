// The `curl` commands written in the docs, read back as requests: so a test can send each one to
// a platform and see that the route takes it as written.

export interface CurlExample {
  /** Where it was found, for the failure message. */
  where: string;
  method: string;
  /** Path and query, without the host. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Shell words of one command: single and double quotes, backslash escapes and line continuations. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  // `inWord` as well as the text: '' is a word of its own.
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  const take = (text: string) => {
    word += text;
    inWord = true;
  };
  for (let i = 0; i < command.length; i++) {
    const ch = command.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = null;
      else take(ch);
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < command.length) take(command.charAt(++i));
      else take(ch);
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      take('');
    } else if (ch === '\\' && command.charAt(i + 1) === '\n') {
      i++;
    } else if (ch === '\\' && i + 1 < command.length) {
      take(command.charAt(++i));
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      take(ch);
    }
  }
  if (quote) throw new Error(`Unclosed ${quote} in: ${command}`);
  if (inWord) words.push(word);
  return words;
}

/** The request a `curl` command line sends (the flags the docs use: -X, -H, -d, --data). */
export function parseCurl(where: string, command: string): CurlExample {
  const words = shellWords(command);
  if (words[0] !== 'curl') throw new Error(`${where}: not a curl command: ${command}`);
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '-X' || word === '--request') method = words[++i];
    else if (word === '-H' || word === '--header') {
      const header = words[++i] ?? '';
      const colon = header.indexOf(':');
      headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === '-d' || word === '--data' || word === '--data-raw') body = words[++i];
    else if (word.startsWith('-')) throw new Error(`${where}: the docs test does not know curl's ${word}`);
    else url = word;
  }
  if (!url) throw new Error(`${where}: no URL in: ${command}`);
  const parsed = new URL(/^https?:\/\//.test(url) ? url : `http://${url}`);
  return {
    where,
    method: (method ?? (body === undefined ? 'GET' : 'POST')).toUpperCase(),
    path: `${parsed.pathname}${parsed.search}`,
    headers,
    ...(body === undefined ? {} : { body }),
  };
}

/**
 * Every `curl` command in a Markdown text: whole lines in fenced blocks (with their `\`
 * continuations; `#` lines are output, skipped) and inline `curl …` code spans.
 */
export function curlCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/```(?:sh|bash|shell|console)?\n([\s\S]*?)```/g)) {
    const lines = (block[1] as string).split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*curl\s/.test(lines[i] as string)) continue;
      let command = lines[i] as string;
      // A quoted argument may span lines too (a JSON body): read on until the quotes close.
      while ((/\\$/.test(command) || unclosed(command)) && i + 1 < lines.length) command += `\n${lines[++i]}`;
      commands.push(command.trim());
    }
  }
  for (const span of markdown.matchAll(/`(curl [^`]+)`/g)) commands.push(span[1] as string);
  return commands;
}

function unclosed(command: string): boolean {
  try {
    shellWords(command.replace(/\\$/, ''));
    return false;
  } catch {
    return true;
  }
}

/** The README and every Markdown file under docs/, as `{ file, text }` (paths from the repository root). */
export async function readDocs(): Promise<{ file: string; text: string }[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const files = [
    'README.md',
    ...(await readdir(join(root, 'docs'), { recursive: true }))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join('docs', name)),
  ];
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(root, file), 'utf8') })));
}
