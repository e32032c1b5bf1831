import { createLogger, createPlatform, type DatabaseHandle, type Platform } from '@lifelong/core';
import { createTestDatabase, TEST_ADMIN_KEY, TEST_SECRETS } from '@lifelong/core/testing';
import { createClient } from '@lifelong/sdk';
import readingClub from '@lifelong-examples/plugin-reading-club';
import readingClubClient from '@lifelong-examples/plugin-reading-club/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalId } from '../src/national-id.js';
import { main } from '../src/quickstart.js';

// A real, listening platform on a free port: the script talks HTTP to it like to any deployment.
let platform: Platform;
let database: DatabaseHandle;
let baseUrl: string;
beforeAll(async () => {
  database = await createTestDatabase();
  platform = createPlatform({
    database,
    env: {},
    settings: { port: 0, adminKey: TEST_ADMIN_KEY, passwordHashCost: 10, ...TEST_SECRETS },
    plugins: [readingClub],
    logger: createLogger({ level: 'warn' }),
  });
  const started = await platform.start();
  baseUrl = started.url as string;
});
afterAll(async () => {
  await platform?.stop();
  await database?.close();
});

describe('sdk quickstart', () => {
  it('runs against the platform and reports what it did', async () => {
    const lines: string[] = [];
    const result = await main({ baseUrl, adminKey: TEST_ADMIN_KEY, log: (line) => lines.push(line) });
    expect(result.balance).toBe('30');
    expect(result.entries.map((e) => e.postedDelta)).toEqual(['5', '10', '15']);
    expect(lines.join('\n')).toMatch(/Posted them again: exists, exists, exists/);
    expect(result.plugins.map((p) => p.id)).toEqual(['reading-club']);
    expect(lines.at(-1)).toMatch(/^Installed plugins: reading-club@\S+ \(enabled in default\)$/);
  });

  it('drives the reading-club plugin through its plugin client', async () => {
    const client = createClient({ baseUrl, plugins: [readingClubClient] });
    const password = 'reading is fun';
    const person = await client.people.register({
      body: {
        legalName: 'Chen Jing',
        dateOfBirth: '1999-12-31',
        nationalId: { scheme: 'CN-RIC', number: demoNationalId('1999-12-31') },
        password,
      },
    });
    await client.sessions.create({ body: { learnerNumber: person.learnerNumber, password } });
    const club = await client.readingClub.clubs.create({ body: { name: 'Night owls' } });
    const names: string[] = [];
    for await (const c of client.readingClub.clubs.list.all()) names.push(c.name);
    expect(names).toContain(club.name);
  });
});
