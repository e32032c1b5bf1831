// The suite's scenarios need a real PostgreSQL server: say so at once instead of passing silently.
export function setup() {
  if (!process.env.DATABASE_URL) {
    throw new Error(
      'npm run test:reliability needs a PostgreSQL server: set DATABASE_URL, e.g.\n' +
        '  DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run test:reliability\n' +
        'Each scenario creates its own database on that server (the role needs CREATEDB) and drops it after.',
    );
  }
}
