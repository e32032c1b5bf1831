import type { TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainImports, fixture, type Harness, harness, importEsco, refused, upload } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let admin: string;
beforeAll(async () => {
  h = await harness({ regionConfig: { importRowsPerRun: 100 } });
  p = await h.t.principals();
  admin = p.regionAdmin.token;
}, 300_000); // a platform, principals and the ESCO fixture imported: slow on a busy machine
afterAll(() => h.t.close());

const taxonomy = (code: string, format: 'esco-csv' | 'onet' | 'case', version = '1') =>
  h.as(admin).taxonomies.create({
    body: { code, version, name: code, format, source: `https://example.org/${code}`, licence: 'CC BY 4.0' },
  });

describe('ESCO imports', () => {
  it('import every ESCO file of the fixture through the job, with provenance; one bad row is counted, not fatal', async () => {
    const esco = await importEsco(h, admin);
    expect(esco.taxonomy).toMatchObject({ code: 'esco', version: '1.1.1', licence: 'CC BY 4.0', importedAt: null });
    expect(esco.imports.map((i) => [i.file, i.status, i.rowsDone, i.rowsFailed])).toEqual([
      ['esco-occupations', 'completed', 3, 0],
      ['esco-skills', 'completed', 7, 1],
      ['esco-skill-groups', 'completed', 2, 0],
      ['esco-occupation-skills', 'completed', 7, 0],
      ['esco-skill-hierarchy', 'completed', 3, 0],
    ]);
    expect(esco.imports[1]?.errors).toEqual([{ row: 7, message: 'a skill needs an ID and a PREFERREDLABEL' }]);
    const [listed] = (await h.as(p.learner.token).taxonomies.list({})).items.filter((t) => t.id === esco.taxonomy.id);
    expect(listed?.importedAt).not.toBeNull();

    // Quoted fields with commas and line breaks arrive whole.
    expect(Object.keys(esco.skill)).toContain('follow health, safety and hygiene rules');
    const welder = await h.as(p.learner.token).occupations.get({ occupationId: esco.occupation.welder as string });
    expect(welder).toMatchObject({ code: '7212.1', iscoCode: '7212', uri: expect.stringContaining('esco/occupation') });
    expect(welder.skills.map((s) => [s.label, s.relation])).toEqual([
      ['read engineering drawings', 'essential'],
      ['use arc welding techniques', 'essential'],
      ['follow health, safety and hygiene rules', 'optional'],
    ]);
    const groups = await h.as(p.learner.token).taxonomies.skills.list({ taxonomyId: esco.taxonomy.id, q: 'metal' });
    expect(groups.items.map((s) => [s.label, s.kind, s.skillType])).toEqual([
      ['working with metal', 'skillgroup', 'S6.2'],
    ]);
  });

  it('are idempotent per taxonomy version and file: the same file answers the same import, another one is refused', async () => {
    const esco = await taxonomy('esco-idem', 'esco-csv');
    const text = await fixture('esco/occupations.csv');
    const first = await upload(h, admin, esco.id, 'esco-occupations', text);
    expect(first.status).toBe(202);
    const again = await upload(h, admin, esco.id, 'esco-occupations', text);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe((await first.json()).id);
    const other = await upload(h, admin, esco.id, 'esco-occupations', `${text}\n`);
    expect(other.status).toBe(409);
    expect((await other.json()).code).toBe('INDUSTRY_SUPPORT_IMPORT_EXISTS');
    await h.t.runJob('industry-support', 'imports');
    await h.t.runJob('industry-support', 'imports');
    const occupations = await h.as(admin).taxonomies.occupations.list({ taxonomyId: esco.id });
    expect(occupations.items).toHaveLength(3);
    // The same version cannot be created twice.
    await refused(taxonomy('esco-idem', 'esco-csv'), 409, 'INDUSTRY_SUPPORT_TAXONOMY_EXISTS');
  });

  it('check the header at once and the file kind against the format', async () => {
    const esco = await taxonomy('esco-bad', 'esco-csv');
    const res = await upload(h, admin, esco.id, 'esco-skills', 'ID,PREFERREDLABEL\nkey_1,x\n');
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      expect.objectContaining({ path: '/body', rule: 'columns', message: expect.stringContaining('ORIGINURI') }),
    ]);
    const mismatch = await upload(h, admin, esco.id, 'onet-skills', await fixture('onet/Skills.txt'));
    expect(mismatch.status).toBe(409);
    expect((await mismatch.json()).code).toBe('INDUSTRY_SUPPORT_IMPORT_FORMAT_MISMATCH');
  });

  it('resume where the last run stopped, a chunk of importRowsPerRun rows per run', async () => {
    const esco = await taxonomy('esco-big', 'esco-csv');
    const rows = Array.from({ length: 250 }, (_, i) => `http://x/${i},key_${i},,skill/competence,,skill ${i},,,,,,`);
    const text = `ORIGINURI,ID,UUIDHISTORY,SKILLTYPE,REUSELEVEL,PREFERREDLABEL,ALTLABELS,DESCRIPTION,DEFINITION,SCOPENOTE,CREATEDAT,UPDATEDAT\n${rows.join('\n')}\n`;
    const res = await upload(h, admin, esco.id, 'esco-skills', text);
    const { id: importId } = await res.json();
    await h.t.runJob('industry-support', 'imports');
    expect(await h.as(admin).taxonomies.imports.get({ importId })).toMatchObject({ status: 'running', rowsDone: 100 });
    await h.t.runJob('industry-support', 'imports');
    expect(await h.as(admin).taxonomies.imports.get({ importId })).toMatchObject({ status: 'running', rowsDone: 200 });
    await h.t.runJob('industry-support', 'imports');
    expect(await h.as(admin).taxonomies.imports.get({ importId })).toMatchObject({
      status: 'completed',
      rowsDone: 250,
    });
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await h
        .as(admin)
        .taxonomies.skills.list({ taxonomyId: esco.id, limit: 100, ...(cursor ? { cursor } : {}) });
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(count).toBe(250);
  });
});

describe('O*NET and CASE imports', () => {
  it("keep O*NET's importance (1–5) and level (0–7) apart, refusing values off their scale", async () => {
    const onet = await taxonomy('onet', 'onet', '28.0');
    const occ = await upload(
      h,
      admin,
      onet.id,
      'onet-occupations',
      await fixture('onet/Occupation Data.txt'),
      'text/plain',
    );
    const skills = await upload(h, admin, onet.id, 'onet-skills', await fixture('onet/Skills.txt'), 'text/plain');
    const [, rated] = await drainImports(h, admin, [(await occ.json()).id, (await skills.json()).id]);
    expect(rated).toMatchObject({ status: 'completed', rowsDone: 7, rowsFailed: 1 });
    expect(rated?.errors[0]).toEqual({ row: 7, message: 'an importance (IM) lies between 1 and 5' });
    const occupations = await h.as(admin).taxonomies.occupations.list({ taxonomyId: onet.id, q: 'software' });
    const developer = await h.as(admin).occupations.get({ occupationId: occupations.items[0]?.id as string });
    expect(developer.skills.map((s) => [s.label, s.relation, s.importance, s.level])).toEqual([
      ['Critical Thinking', 'rated', 3.88, 4.12],
      ['Programming', 'rated', 4.25, 4.88],
    ]);
  });

  it('read a CASE package: items as skills, associations as typed links', async () => {
    const framework = await taxonomy('digcomp', 'case', '2.2');
    const res = await upload(h, admin, framework.id, 'case', await fixture('case/framework.json'), 'application/json');
    const [done] = await drainImports(h, admin, [(await res.json()).id]);
    expect(done).toMatchObject({ status: 'completed', rowsDone: 3, rowsFailed: 0 });
    const items = await h.as(admin).taxonomies.skills.list({ taxonomyId: framework.id });
    expect(items.items.map((s) => [s.label, s.kind])).toEqual([
      ['Information and data literacy', 'Competence area'],
      ['Managing data, information and digital content', 'Competence'],
    ]);
    const notJson = await upload(h, admin, framework.id, 'case', 'not json', 'application/json');
    expect(notJson.status).toBe(409); // the version has its CASE file already
  });
});

describe("the region's own skills and crosswalks", () => {
  it('add local skills and occupations, and relate skills across taxonomies', async () => {
    const local = await h.as(admin).local.skills.create({ body: { label: 'Operating the Shenzhen port crane' } });
    expect(local).toMatchObject({ kind: 'skill', externalId: expect.stringMatching(/^local-\d+$/) });
    const occupation = await h
      .as(admin)
      .local.occupations.create({ body: { label: 'Port crane operator', code: 'SZ-01' } });
    expect(occupation.code).toBe('SZ-01');
    const other = await h.as(admin).local.skills.create({ body: { label: 'Crane safety' } });
    const walk = await h.as(admin).crosswalks.create({
      body: { fromSkillId: local.id, toSkillId: other.id, match: 'closeMatch' },
    });
    expect(walk).toMatchObject({ match: 'closeMatch', regionId: 'default' });
    const problem = await refused(
      h.as(admin).crosswalks.create({ body: { fromSkillId: local.id, toSkillId: local.id, match: 'exactMatch' } }),
      400,
    );
    expect(problem.errors?.[0]).toMatchObject({ path: '/body/toSkillId', rule: 'distinct' });
    await refused(
      h.as(admin).crosswalks.create({
        body: { fromSkillId: local.id, toSkillId: '01890000-0000-7000-8000-000000000000', match: 'exactMatch' },
      }),
      404,
      'INDUSTRY_SUPPORT_SKILL_NOT_FOUND',
    );
  });
});
