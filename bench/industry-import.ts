// Taxonomy import benchmark: a generated taxonomy of the full ESCO shape (3,000 occupations,
// 14,000 skills, 124,000 occupation–skill relations, in ESCO's CSV layout) imported through the
// industry support plugin's HTTP route and its imports job, on a fresh database.
//
//   npx tsx bench/industry-import.ts                                              # PGlite
//   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/industry-import.ts
//
// Each file is posted whole (an in-process request); the job reads it back as a stream. Built
// packages (npm run build). Prints one JSON line:
// `{ database, occupations, skills, relations, bytes, seconds, rssStartMiB, rssPeakMiB, ok }`
// and exits 1 over the targets (60 s, 300 MiB peak resident set). The test platform keeps files
// in memory (its file store), so the peak includes the three files themselves.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPlatform } from '@lifelong/core/testing';
import assessments from '@lifelong/plugin-assessments';
import industrySupport from '@lifelong/plugin-industry-support';

const OCCUPATIONS = Number(process.env.OCCUPATIONS ?? 3_000);
const SKILLS = Number(process.env.SKILLS ?? 14_000);
const RELATIONS = Number(process.env.RELATIONS ?? 124_000);
const LIMIT_SECONDS = 60;
const LIMIT_MIB = 300;
const MiB = 1024 * 1024;

const text = (n: number, words: number) =>
  Array.from(
    { length: words },
    (_, i) => ['apply', 'maintain', 'operate', 'plan', 'safety', 'quality'][(n + i) % 6],
  ).join(' ');
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function generate(dir: string) {
  const occupations = [
    'ORIGINURI,ID,UUIDHISTORY,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION,DEFINITION,SCOPENOTE,REGULATEDPROFESSIONNOTE,OCCUPATIONTYPE,ISLOCALIZED',
  ];
  for (let i = 0; i < OCCUPATIONS; i++) {
    occupations.push(
      [
        `http://data.europa.eu/esco/occupation/bench-${i}`,
        `key_o${i}`,
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        String(1000 + (i % 9000)),
        `${1000 + (i % 9000)}.${i}`,
        `occupation ${i}`,
        quote(`occupation ${i} alternative\nanother label ${i}`),
        quote(`${text(i, 60)}, with a comma.`),
        '',
        '',
        'http://data.europa.eu/esco/regulated-professions/unregulated',
        'escooccupation',
        'false',
      ].join(','),
    );
  }
  const skills = [
    'ORIGINURI,ID,UUIDHISTORY,SKILLTYPE,REUSELEVEL,PREFERREDLABEL,ALTLABELS,DESCRIPTION,DEFINITION,SCOPENOTE,CREATEDAT,UPDATEDAT',
  ];
  for (let i = 0; i < SKILLS; i++) {
    skills.push(
      [
        `http://data.europa.eu/esco/skill/bench-${i}`,
        `key_s${i}`,
        `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
        i % 5 === 0 ? 'knowledge' : 'skill/competence',
        'cross-sector',
        `skill ${i}`,
        quote(`skill ${i} alternative\nanother ${i}`),
        quote(text(i, 30)),
        '',
        '',
        '2023-01-01T00:00:00Z',
        '2023-01-01T00:00:00Z',
      ].join(','),
    );
  }
  const relations = ['OCCUPATIONTYPE,OCCUPATIONID,RELATIONTYPE,SKILLID,CREATEDAT,UPDATEDAT'];
  const perOccupation = Math.ceil(RELATIONS / OCCUPATIONS);
  for (let i = 0; i < RELATIONS; i++) {
    const occupation = Math.floor(i / perOccupation);
    const skill = (occupation * 7919 + (i % perOccupation) * 104729) % SKILLS;
    relations.push(
      `escooccupation,key_o${occupation},${i % 3 === 0 ? 'optional' : 'essential'},key_s${skill},2023-01-01T00:00:00Z,2023-01-01T00:00:00Z`,
    );
  }
  const files = {
    'esco-occupations': join(dir, 'occupations.csv'),
    'esco-skills': join(dir, 'skills.csv'),
    'esco-occupation-skills': join(dir, 'occupation_skill_relations.csv'),
  };
  await writeFile(files['esco-occupations'], `${occupations.join('\n')}\n`);
  await writeFile(files['esco-skills'], `${skills.join('\n')}\n`);
  await writeFile(files['esco-occupation-skills'], `${relations.join('\n')}\n`);
  return files;
}

const dir = await mkdtemp(join(tmpdir(), 'lifelong-industry-import-'));
const t = await createTestPlatform({ plugins: [assessments, industrySupport] });
try {
  const files = await generate(dir);
  let bytes = 0;
  for (const path of Object.values(files)) bytes += (await stat(path)).size;
  global.gc?.();
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);

  const started = performance.now();
  const created = await t.request('/v1/industry-support/taxonomies', {
    method: 'POST',
    auth: 'admin',
    json: {
      code: 'esco',
      version: 'bench',
      name: 'ESCO-shaped',
      format: 'esco-csv',
      source: 'generated',
      licence: 'CC BY 4.0',
    },
  });
  const taxonomy = await created.json();
  if (created.status !== 201) throw new Error(`taxonomy: ${created.status} ${JSON.stringify(taxonomy)}`);
  const importIds: string[] = [];
  for (const [file, path] of Object.entries(files)) {
    const res = await t.request(`/v1/industry-support/taxonomies/${taxonomy.id}/imports/${file}`, {
      method: 'POST',
      auth: 'admin',
      headers: { 'Content-Type': 'text/csv' },
      body: await readFile(path),
    });
    const job = await res.json();
    if (res.status !== 202) throw new Error(`${file}: ${res.status} ${JSON.stringify(job)}`);
    importIds.push(job.id);
  }
  const states = async () =>
    Promise.all(
      importIds.map(async (id) => (await t.request(`/v1/industry-support/imports/${id}`, { auth: 'admin' })).json()),
    );
  let current = await states();
  while (current.some((s) => s.status === 'queued' || s.status === 'running')) {
    await t.runJob('industry-support', 'imports');
    current = await states();
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const done = current.map((s) => [s.file, s.status, s.rowsDone, s.rowsFailed]);
  const expected = [OCCUPATIONS, SKILLS, RELATIONS];
  const complete = current.every(
    (s, i) => s.status === 'completed' && s.rowsDone === expected[i] && s.rowsFailed === 0,
  );
  const result = {
    database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    occupations: OCCUPATIONS,
    skills: SKILLS,
    relations: RELATIONS,
    bytes,
    seconds: Math.round(seconds * 10) / 10,
    rssStartMiB: Math.round(rssStart / MiB),
    rssPeakMiB: Math.round(rssPeak / MiB),
    imports: done,
    ok: complete && seconds < LIMIT_SECONDS && rssPeak / MiB < LIMIT_MIB,
  };
  console.log(JSON.stringify(result));
  if (!result.ok) process.exitCode = 1;
} finally {
  await t.close();
  await rm(dir, { recursive: true, force: true });
}
