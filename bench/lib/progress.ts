// Progress on stderr so the table on stdout stays clean when redirected.

const startedAt = performance.now();

export function log(message: string): void {
  const s = Math.floor((performance.now() - startedAt) / 1000);
  const stamp = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  process.stderr.write(`[${stamp}] ${message}\n`);
}

/** Logs "label: n/total s" every few seconds until the returned function is called. */
export function ticker(label: string, totalSeconds: number, everySeconds = 5): () => void {
  const started = performance.now();
  const timer = setInterval(() => {
    const elapsed = Math.round((performance.now() - started) / 1000);
    log(`  ${label}: ${elapsed}/${totalSeconds} s`);
  }, everySeconds * 1000);
  return () => clearInterval(timer);
}
