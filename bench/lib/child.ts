// Servers under test run in processes of their own, so the load generator (this process) does
// not share their event loop. A server announces itself with one JSON line on stdout.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildServer<Ready> {
  ready: Ready;
  pid: number;
  /** One request/reply over the IPC channel (servers that accept commands). */
  call<Reply>(message: unknown): Promise<Reply>;
  stop(): Promise<number | null>;
}

/** A TypeScript server script of bench/servers, run with tsx. */
export function serverScript(name: string): string {
  return fileURLToPath(new URL(`../servers/${name}`, import.meta.url));
}

export function startChild<Ready>(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<ChildServer<Ready>> {
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`));
    };
    child.once('exit', early);
    child.stdout?.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      clearTimeout(timer);
      child.off('exit', early);
      resolve({
        ready: JSON.parse(line) as Ready,
        pid: child.pid as number,
        call: <Reply>(message: unknown) =>
          new Promise<Reply>((done, fail) => {
            const onExit = (code: number | null) => fail(new Error(`server exited with ${code}`));
            child.once('exit', onExit);
            child.once('message', (reply) => {
              child.off('exit', onExit);
              const r = reply as { error?: string };
              if (r.error) fail(new Error(r.error));
              else done(reply as Reply);
            });
            child.send(message as object);
          }),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
