// The file kinds each taxonomy format takes, the columns each must have, and how one record
// becomes rows. Header names follow the published layouts: ESCO's CSV distribution as documented
// by tabiya-tech/tabiya-open-dataset (CSV_Format_Documentation.md), O*NET's database text files
// (tab-separated), and 1EdTech CASE 1.0 JSON (a CFPackage).

export type TaxonomyFormat = 'esco-csv' | 'onet' | 'case' | 'local';

export const FILE_KINDS = [
  'esco-occupations',
  'esco-skills',
  'esco-skill-groups',
  'esco-occupation-skills',
  'esco-skill-hierarchy',
  'onet-occupations',
  'onet-skills',
  'case',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FORMAT_OF: Record<FileKind, TaxonomyFormat> = {
  'esco-occupations': 'esco-csv',
  'esco-skills': 'esco-csv',
  'esco-skill-groups': 'esco-csv',
  'esco-occupation-skills': 'esco-csv',
  'esco-skill-hierarchy': 'esco-csv',
  'onet-occupations': 'onet',
  'onet-skills': 'onet',
  case: 'case',
};

/** The columns a delimited file must have (others are ignored). */
export const REQUIRED_COLUMNS: Record<Exclude<FileKind, 'case'>, readonly string[]> = {
  'esco-occupations': ['ORIGINURI', 'ID', 'CODE', 'PREFERREDLABEL', 'DESCRIPTION'],
  'esco-skills': ['ORIGINURI', 'ID', 'SKILLTYPE', 'PREFERREDLABEL', 'DESCRIPTION'],
  'esco-skill-groups': ['ORIGINURI', 'ID', 'CODE', 'PREFERREDLABEL'],
  'esco-occupation-skills': ['OCCUPATIONID', 'RELATIONTYPE', 'SKILLID'],
  'esco-skill-hierarchy': ['PARENTOBJECTTYPE', 'PARENTID', 'CHILDID', 'CHILDOBJECTTYPE'],
  'onet-occupations': ['O*NET-SOC Code', 'Title', 'Description'],
  'onet-skills': ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value'],
};

export const delimiterOf = (file: FileKind) => (file.startsWith('onet-') ? '\t' : ',');

export interface SkillValues {
  externalId: string;
  kind: string;
  uri: string | null;
  label: string;
  description: string;
  skillType: string | null;
}
export interface OccupationValues {
  externalId: string;
  uri: string | null;
  code: string | null;
  iscoCode: string | null;
  label: string;
  description: string;
}
export interface RelationValues {
  occupationExternalId: string;
  skillExternalId: string;
  relation: 'essential' | 'optional' | 'rated';
  importance: number | null;
  level: number | null;
}
export interface LinkValues {
  fromExternalId: string;
  relation: string;
  toExternalId: string;
}

/** What one record contributes: rows of one or two tables, or why it was refused. */
export type Mapped =
  | { skill?: SkillValues; occupation?: OccupationValues; relation?: RelationValues; link?: LinkValues }
  | { error: string };

const nonEmpty = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : null);
const firstLine = (value: string | undefined) => (value ?? '').split('\n')[0]?.trim() ?? '';

/** Maps one record of a delimited file, its fields by header name. */
export function mapRecord(file: Exclude<FileKind, 'case'>, get: (column: string) => string | undefined): Mapped {
  switch (file) {
    case 'esco-occupations':
    case 'onet-occupations': {
      const escoFile = file === 'esco-occupations';
      const id = nonEmpty(get(escoFile ? 'ID' : 'O*NET-SOC Code'));
      const label = nonEmpty(get(escoFile ? 'PREFERREDLABEL' : 'Title'));
      if (!id || !label) return { error: 'an occupation needs an id and a label' };
      return {
        occupation: {
          externalId: id,
          uri: escoFile ? nonEmpty(get('ORIGINURI')) : null,
          code: escoFile ? nonEmpty(get('CODE')) : id,
          iscoCode: escoFile ? nonEmpty(get('ISCOGROUPCODE')) : null,
          label: label.slice(0, 300),
          description: (get(escoFile ? 'DESCRIPTION' : 'Description') ?? '').slice(0, 4000),
        },
      };
    }
    case 'esco-skills':
    case 'esco-skill-groups': {
      const id = nonEmpty(get('ID'));
      const label = nonEmpty(get('PREFERREDLABEL'));
      if (!id || !label) return { error: 'a skill needs an ID and a PREFERREDLABEL' };
      const group = file === 'esco-skill-groups';
      return {
        skill: {
          externalId: id,
          kind: group ? 'skillgroup' : 'skill',
          uri: nonEmpty(get('ORIGINURI')),
          label: label.slice(0, 300),
          description: (get('DESCRIPTION') ?? '').slice(0, 4000),
          skillType: group ? nonEmpty(get('CODE')) : nonEmpty(get('SKILLTYPE')),
        },
      };
    }
    case 'esco-occupation-skills': {
      const occupation = nonEmpty(get('OCCUPATIONID'));
      const skill = nonEmpty(get('SKILLID'));
      const relation = nonEmpty(get('RELATIONTYPE'));
      if (!occupation || !skill) return { error: 'a relation needs an OCCUPATIONID and a SKILLID' };
      if (relation !== 'essential' && relation !== 'optional') {
        return { error: `RELATIONTYPE must be essential or optional, not "${firstLine(relation ?? '')}"` };
      }
      return {
        relation: { occupationExternalId: occupation, skillExternalId: skill, relation, importance: null, level: null },
      };
    }
    case 'esco-skill-hierarchy': {
      const parent = nonEmpty(get('PARENTID'));
      const child = nonEmpty(get('CHILDID'));
      if (!parent || !child) return { error: 'a hierarchy row needs a PARENTID and a CHILDID' };
      return { link: { fromExternalId: child, relation: 'isChildOf', toExternalId: parent } };
    }
    case 'onet-skills': {
      const occupation = nonEmpty(get('O*NET-SOC Code'));
      const element = nonEmpty(get('Element ID'));
      const name = nonEmpty(get('Element Name'));
      const scale = nonEmpty(get('Scale ID'));
      const value = Number(get('Data Value'));
      if (!occupation || !element || !name) return { error: 'a rating needs an O*NET-SOC Code, Element ID and Name' };
      if (!Number.isFinite(value)) return { error: 'Data Value must be a number' };
      if (scale === 'IM' && (value < 1 || value > 5)) return { error: 'an importance (IM) lies between 1 and 5' };
      if (scale === 'LV' && (value < 0 || value > 7)) return { error: 'a level (LV) lies between 0 and 7' };
      if (scale !== 'IM' && scale !== 'LV') return { error: 'Scale ID must be IM (importance) or LV (level)' };
      return {
        skill: { externalId: element, kind: 'skill', uri: null, label: name, description: '', skillType: null },
        relation: {
          occupationExternalId: occupation,
          skillExternalId: element,
          relation: 'rated',
          importance: scale === 'IM' ? value : null,
          level: scale === 'LV' ? value : null,
        },
      };
    }
  }
}

interface CaseNode {
  identifier?: unknown;
  uri?: unknown;
}
interface CasePackage {
  CFItems?: { identifier?: unknown; uri?: unknown; fullStatement?: unknown; CFItemType?: unknown; notes?: unknown }[];
  CFAssociations?: { associationType?: unknown; originNodeURI?: CaseNode; destinationNodeURI?: CaseNode }[];
}

/** A CASE package as a list of records: its items, then its associations. */
export function caseRecords(document: unknown): Mapped[] {
  const pkg = (document ?? {}) as CasePackage;
  const items: Mapped[] = (Array.isArray(pkg.CFItems) ? pkg.CFItems : []).map((item) => {
    if (typeof item?.identifier !== 'string' || typeof item.fullStatement !== 'string') {
      return { error: 'a CFItem needs an identifier and a fullStatement' };
    }
    return {
      skill: {
        externalId: item.identifier,
        kind: typeof item.CFItemType === 'string' ? item.CFItemType : 'item',
        uri: typeof item.uri === 'string' ? item.uri : null,
        label: item.fullStatement.slice(0, 300),
        description: typeof item.notes === 'string' ? item.notes.slice(0, 4000) : '',
        skillType: null,
      },
    };
  });
  const links: Mapped[] = (Array.isArray(pkg.CFAssociations) ? pkg.CFAssociations : []).map((a) => {
    const from = a?.originNodeURI?.identifier;
    const to = a?.destinationNodeURI?.identifier;
    if (typeof a?.associationType !== 'string' || typeof from !== 'string' || typeof to !== 'string') {
      return { error: 'a CFAssociation needs an associationType and origin and destination identifiers' };
    }
    return { link: { fromExternalId: from, relation: a.associationType, toExternalId: to } };
  });
  return [...items, ...links];
}
