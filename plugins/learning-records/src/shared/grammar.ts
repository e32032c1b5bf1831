import type { FieldError } from '@lifelong/core';

// The xAPI statement grammar (xAPI 1.0.3 part two, section 2.4; IEEE 9274.1.1 (xAPI 2.0) 4.2),
// checked by hand: the specification's rules (exactly one identifier, objectType defaults,
// sub-statement limits, timestamp formats per version) do not fit a JSON schema well, and every
// error must name the field and the rule.

export type XapiVersion = '1.0.3' | '2.0.0';
type Json = Record<string, unknown>;

const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const MAILTO = /^mailto:[^@\s:]+@[^@\s]+$/i;
const SHA1 = /^[0-9a-f]{40}$/i;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANGUAGE_TAG = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i;
const TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** `Date.parse` reads `Z` and `±hh:mm`; an offset written `±hh` or `±hhmm` is given its colon. */
const normalisedOffset = (v: string, zone: string): string =>
  zone === 'Z' ? v : `${v.slice(0, -zone.length)}${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
const DURATION =
  /^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const VERSION_1 = /^1\.0(\.\d+)?$/;
const VERSION_2 = /^2\.0(\.\d+)?$/;
export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly errors: FieldError[] = [];
  constructor(readonly version: XapiVersion) {}

  fail(path: string, rule: string, message: string): false {
    if (this.errors.length < 50) this.errors.push({ path, rule, message });
    return false;
  }

  object(v: unknown, path: string): v is Json {
    return isObject(v) || this.fail(path, 'type', 'Must be a JSON object');
  }

  keys(v: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key)) this.fail(`${path}/${key}`, 'additionalProperties', `"${key}" is not allowed here`);
    }
  }

  string(v: unknown, path: string): v is string {
    return typeof v === 'string' || this.fail(path, 'type', 'Must be a string');
  }

  iri(v: unknown, path: string): v is string {
    return (this.string(v, path) && IRI.test(v)) || this.fail(path, 'iri', 'Must be an absolute IRI');
  }

  uuid(v: unknown, path: string): v is string {
    return (this.string(v, path) && UUID.test(v)) || this.fail(path, 'uuid', 'Must be a UUID');
  }

  boolean(v: unknown, path: string): void {
    if (typeof v !== 'boolean') this.fail(path, 'type', 'Must be true or false');
  }

  number(v: unknown, path: string): v is number {
    return (typeof v === 'number' && Number.isFinite(v)) || this.fail(path, 'type', 'Must be a number');
  }

  timestamp(v: unknown, path: string): void {
    if (!this.string(v, path)) return;
    const match = TIMESTAMP.exec(v);
    // Group 6 is the zone (`Z` or an offset); group 7 only an offset's minutes.
    const zone = match?.[6];
    if (!match || Number.isNaN(Date.parse(zone ? normalisedOffset(v, zone) : `${v}Z`))) {
      this.fail(path, 'timestamp', 'Must be an ISO 8601 date and time');
    } else if (v.endsWith('-00:00') || v.endsWith('-0000') || v.endsWith('-00')) {
      this.fail(path, 'timestamp', 'The offset -00:00 is not allowed');
    } else if (this.version === '2.0.0' && !zone) {
      this.fail(path, 'timestamp', 'xAPI 2.0 timestamps carry a time zone offset (RFC 3339)');
    }
  }

  languageMap(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    for (const [tag, text] of Object.entries(v)) {
      if (!LANGUAGE_TAG.test(tag)) this.fail(`${path}/${tag}`, 'languageTag', 'Keys are RFC 5646 language tags');
      else this.string(text, `${path}/${tag}`);
    }
  }

  extensions(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    for (const key of Object.keys(v)) {
      if (!IRI.test(key)) this.fail(`${path}/${key}`, 'iri', 'Extension keys are absolute IRIs');
    }
  }

  /** An Agent or an identified Group's inverse functional identifier: exactly one of four. */
  ifi(v: Json, path: string, required: boolean): void {
    const present = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => v[k] !== undefined);
    if (present.length > 1) this.fail(path, 'oneIdentifier', 'Exactly one of mbox, mbox_sha1sum, openid, account');
    if (present.length === 0 && required)
      this.fail(path, 'identifier', 'An identifier (mbox, mbox_sha1sum, openid or account) is required');
    if (v.mbox !== undefined && !(typeof v.mbox === 'string' && MAILTO.test(v.mbox))) {
      this.fail(`${path}/mbox`, 'mailto', 'Must be a mailto: IRI');
    }
    if (v.mbox_sha1sum !== undefined && !(typeof v.mbox_sha1sum === 'string' && SHA1.test(v.mbox_sha1sum))) {
      this.fail(`${path}/mbox_sha1sum`, 'sha1', 'Must be a hex SHA-1 sum');
    }
    if (v.openid !== undefined) this.iri(v.openid, `${path}/openid`);
    if (v.account !== undefined && this.object(v.account, `${path}/account`)) {
      this.keys(v.account, `${path}/account`, ['homePage', 'name']);
      this.iri(v.account.homePage, `${path}/account/homePage`);
      this.string(v.account.name, `${path}/account/name`);
    }
    if (v.name !== undefined) this.string(v.name, `${path}/name`);
  }

  agent(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    this.keys(v, path, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
    if (v.objectType !== undefined && v.objectType !== 'Agent')
      this.fail(`${path}/objectType`, 'const', 'Must be "Agent"');
    this.ifi(v, path, true);
  }

  group(v: Json, path: string): void {
    this.keys(v, path, ['objectType', 'name', 'member', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
    const identified = ['mbox', 'mbox_sha1sum', 'openid', 'account'].some((k) => v[k] !== undefined);
    this.ifi(v, path, false);
    if (v.member === undefined) {
      if (!identified) this.fail(`${path}/member`, 'required', 'An anonymous group lists its members');
      return;
    }
    if (!Array.isArray(v.member)) {
      this.fail(`${path}/member`, 'type', 'Must be an array of agents');
      return;
    }
    if (!identified && v.member.length === 0) this.fail(`${path}/member`, 'minItems', 'An anonymous group has members');
    v.member.forEach((m, i) => {
      if (isObject(m) && m.objectType === 'Group')
        this.fail(`${path}/member/${i}`, 'noGroup', 'Members are agents, not groups');
      else this.agent(m, `${path}/member/${i}`);
    });
  }

  actor(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    if (v.objectType === 'Group') this.group(v, path);
    else this.agent(v, path);
  }

  verb(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    this.keys(v, path, ['id', 'display']);
    this.iri(v.id, `${path}/id`);
    if (v.display !== undefined) this.languageMap(v.display, `${path}/display`);
  }

  interactionComponents(v: unknown, path: string): void {
    if (!Array.isArray(v)) {
      this.fail(path, 'type', 'Must be an array');
      return;
    }
    const ids = new Set<string>();
    v.forEach((c, i) => {
      const at = `${path}/${i}`;
      if (!this.object(c, at)) return;
      this.keys(c, at, ['id', 'description']);
      if (this.string(c.id, `${at}/id`)) {
        if (ids.has(c.id)) this.fail(`${at}/id`, 'unique', 'Component ids are unique');
        ids.add(c.id);
      }
      if (c.description !== undefined) this.languageMap(c.description, `${at}/description`);
    });
  }

  definition(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    const components = ['choices', 'scale', 'source', 'target', 'steps'];
    this.keys(v, path, [
      'name',
      'description',
      'type',
      'moreInfo',
      'extensions',
      'interactionType',
      'correctResponsesPattern',
      ...components,
    ]);
    if (v.name !== undefined) this.languageMap(v.name, `${path}/name`);
    if (v.description !== undefined) this.languageMap(v.description, `${path}/description`);
    if (v.type !== undefined) this.iri(v.type, `${path}/type`);
    if (v.moreInfo !== undefined) this.iri(v.moreInfo, `${path}/moreInfo`);
    if (v.extensions !== undefined) this.extensions(v.extensions, `${path}/extensions`);
    const types = [
      'true-false',
      'choice',
      'fill-in',
      'long-fill-in',
      'matching',
      'performance',
      'sequencing',
      'likert',
      'numeric',
      'other',
    ];
    if (
      v.interactionType !== undefined &&
      !(typeof v.interactionType === 'string' && types.includes(v.interactionType))
    ) {
      this.fail(`${path}/interactionType`, 'enum', `One of ${types.join(', ')}`);
    }
    if (v.correctResponsesPattern !== undefined) {
      if (!Array.isArray(v.correctResponsesPattern))
        this.fail(`${path}/correctResponsesPattern`, 'type', 'Must be an array of strings');
      else {
        v.correctResponsesPattern.forEach((p, i) => {
          this.string(p, `${path}/correctResponsesPattern/${i}`);
        });
      }
    }
    for (const key of components) if (v[key] !== undefined) this.interactionComponents(v[key], `${path}/${key}`);
  }

  activity(v: Json, path: string): void {
    this.keys(v, path, ['objectType', 'id', 'definition']);
    this.iri(v.id, `${path}/id`);
    if (v.definition !== undefined) this.definition(v.definition, `${path}/definition`);
  }

  statementRef(v: Json, path: string): void {
    this.keys(v, path, ['objectType', 'id']);
    this.uuid(v.id, `${path}/id`);
  }

  object_(v: unknown, path: string, inSubStatement: boolean): void {
    if (!this.object(v, path)) return;
    switch (v.objectType ?? 'Activity') {
      case 'Activity':
        this.activity(v, path);
        break;
      case 'Agent':
        this.agent(v, path);
        break;
      case 'Group':
        this.group(v, path);
        break;
      case 'StatementRef':
        this.statementRef(v, path);
        break;
      case 'SubStatement':
        if (inSubStatement) {
          this.fail(`${path}/objectType`, 'noNestedSubStatement', 'A sub-statement cannot hold another');
        } else this.statementBody(v, path, true);
        break;
      default:
        this.fail(`${path}/objectType`, 'enum', 'One of Activity, Agent, Group, StatementRef, SubStatement');
    }
  }

  result(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    this.keys(v, path, ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
    if (v.score !== undefined && this.object(v.score, `${path}/score`)) {
      const s = v.score;
      this.keys(s, `${path}/score`, ['scaled', 'raw', 'min', 'max']);
      for (const k of ['scaled', 'raw', 'min', 'max']) if (s[k] !== undefined) this.number(s[k], `${path}/score/${k}`);
      if (typeof s.scaled === 'number' && (s.scaled < -1 || s.scaled > 1)) {
        this.fail(`${path}/score/scaled`, 'range', 'Between -1 and 1');
      }
      const [raw, min, max] = [s.raw, s.min, s.max].map((n) => (typeof n === 'number' ? n : undefined));
      if (min !== undefined && max !== undefined && min > max) this.fail(`${path}/score/min`, 'range', 'min ≤ max');
      if (raw !== undefined && min !== undefined && raw < min) this.fail(`${path}/score/raw`, 'range', 'raw ≥ min');
      if (raw !== undefined && max !== undefined && raw > max) this.fail(`${path}/score/raw`, 'range', 'raw ≤ max');
    }
    if (v.success !== undefined) this.boolean(v.success, `${path}/success`);
    if (v.completion !== undefined) this.boolean(v.completion, `${path}/completion`);
    if (v.response !== undefined) this.string(v.response, `${path}/response`);
    if (v.duration !== undefined && !(typeof v.duration === 'string' && DURATION.test(v.duration))) {
      this.fail(`${path}/duration`, 'duration', 'Must be an ISO 8601 duration');
    }
    if (v.extensions !== undefined) this.extensions(v.extensions, `${path}/extensions`);
  }

  contextActivities(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    this.keys(v, path, ['parent', 'grouping', 'category', 'other']);
    for (const [key, value] of Object.entries(v)) {
      const list = Array.isArray(value) ? value : [value];
      list.forEach((a, i) => {
        const at = Array.isArray(value) ? `${path}/${key}/${i}` : `${path}/${key}`;
        if (!this.object(a, at)) return;
        if (a.objectType !== undefined && a.objectType !== 'Activity')
          this.fail(`${at}/objectType`, 'const', 'Must be "Activity"');
        this.activity(a, at);
      });
    }
  }

  context(v: unknown, path: string, objectIsActivity: boolean): void {
    if (!this.object(v, path)) return;
    const v2 = this.version === '2.0.0' ? ['contextAgents', 'contextGroups'] : [];
    this.keys(v, path, [
      'registration',
      'instructor',
      'team',
      'contextActivities',
      'revision',
      'platform',
      'language',
      'statement',
      'extensions',
      ...v2,
    ]);
    if (v.registration !== undefined) this.uuid(v.registration, `${path}/registration`);
    if (v.instructor !== undefined) this.actor(v.instructor, `${path}/instructor`);
    if (v.team !== undefined && this.object(v.team, `${path}/team`)) {
      if (v.team.objectType !== 'Group') this.fail(`${path}/team/objectType`, 'const', 'A team is a Group');
      else this.group(v.team, `${path}/team`);
    }
    if (v.contextActivities !== undefined) this.contextActivities(v.contextActivities, `${path}/contextActivities`);
    for (const key of ['revision', 'platform'] as const) {
      if (v[key] === undefined) continue;
      this.string(v[key], `${path}/${key}`);
      if (!objectIsActivity) this.fail(`${path}/${key}`, 'activityObjectOnly', `"${key}" only with an Activity object`);
    }
    if (v.language !== undefined && !(typeof v.language === 'string' && LANGUAGE_TAG.test(v.language))) {
      this.fail(`${path}/language`, 'languageTag', 'Must be an RFC 5646 language tag');
    }
    if (v.statement !== undefined && this.object(v.statement, `${path}/statement`)) {
      if (v.statement.objectType !== 'StatementRef')
        this.fail(`${path}/statement/objectType`, 'const', 'Must be "StatementRef"');
      this.statementRef(v.statement, `${path}/statement`);
    }
    if (v.extensions !== undefined) this.extensions(v.extensions, `${path}/extensions`);
    if (v.contextAgents !== undefined)
      this.contextList(v.contextAgents, `${path}/contextAgents`, 'contextAgent', 'agent');
    if (v.contextGroups !== undefined)
      this.contextList(v.contextGroups, `${path}/contextGroups`, 'contextGroup', 'group');
  }

  /** xAPI 2.0's contextAgents / contextGroups. */
  contextList(v: unknown, path: string, objectType: string, member: 'agent' | 'group'): void {
    if (!Array.isArray(v)) {
      this.fail(path, 'type', 'Must be an array');
      return;
    }
    v.forEach((entry, i) => {
      const at = `${path}/${i}`;
      if (!this.object(entry, at)) return;
      this.keys(entry, at, ['objectType', member, 'relevantTypes']);
      if (entry.objectType !== objectType) this.fail(`${at}/objectType`, 'const', `Must be "${objectType}"`);
      if (member === 'agent') this.agent(entry.agent, `${at}/agent`);
      else if (this.object(entry.group, `${at}/group`)) {
        if (entry.group.objectType !== 'Group') this.fail(`${at}/group/objectType`, 'const', 'Must be "Group"');
        else this.group(entry.group, `${at}/group`);
      }
      if (entry.relevantTypes !== undefined) {
        if (!Array.isArray(entry.relevantTypes) || entry.relevantTypes.length === 0) {
          this.fail(`${at}/relevantTypes`, 'minItems', 'A non-empty array of IRIs');
        } else {
          entry.relevantTypes.forEach((t, j) => {
            this.iri(t, `${at}/relevantTypes/${j}`);
          });
        }
      }
    });
  }

  attachments(v: unknown, path: string): void {
    if (!Array.isArray(v)) {
      this.fail(path, 'type', 'Must be an array');
      return;
    }
    v.forEach((a, i) => {
      const at = `${path}/${i}`;
      if (!this.object(a, at)) return;
      this.keys(a, at, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
      this.iri(a.usageType, `${at}/usageType`);
      this.languageMap(a.display, `${at}/display`);
      if (a.description !== undefined) this.languageMap(a.description, `${at}/description`);
      this.string(a.contentType, `${at}/contentType`);
      if (!(typeof a.length === 'number' && Number.isInteger(a.length) && a.length >= 0)) {
        this.fail(`${at}/length`, 'integer', 'A whole number of bytes');
      }
      if (this.string(a.sha2, `${at}/sha2`) && !/^[0-9a-f]{56,128}$/i.test(a.sha2)) {
        this.fail(`${at}/sha2`, 'sha2', 'A hex SHA-2 hash');
      }
      if (a.fileUrl !== undefined) this.iri(a.fileUrl, `${at}/fileUrl`);
      else
        this.fail(
          `${at}/fileUrl`,
          'attachmentPart',
          'Attachments sent as multipart/mixed parts are not yet accepted by this LRS: give a fileUrl',
        );
    });
  }

  statementBody(v: Json, path: string, sub: boolean): void {
    const common = ['actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];
    this.keys(v, path, sub ? ['objectType', ...common] : ['id', 'stored', 'authority', 'version', ...common]);
    for (const key of ['actor', 'verb', 'object']) {
      if (v[key] === undefined) this.fail(`${path}/${key}`, 'required', `"${key}" is required`);
    }
    if (v.actor !== undefined) this.actor(v.actor, `${path}/actor`);
    if (v.verb !== undefined) this.verb(v.verb, `${path}/verb`);
    if (v.object !== undefined) this.object_(v.object, `${path}/object`, sub);
    if (v.result !== undefined) this.result(v.result, `${path}/result`);
    const objectIsActivity = isObject(v.object) && (v.object.objectType ?? 'Activity') === 'Activity';
    if (v.context !== undefined) this.context(v.context, `${path}/context`, objectIsActivity);
    if (v.timestamp !== undefined) this.timestamp(v.timestamp, `${path}/timestamp`);
    if (v.attachments !== undefined) this.attachments(v.attachments, `${path}/attachments`);
  }

  statement(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    this.statementBody(v, path, false);
    if (v.id !== undefined) this.uuid(v.id, `${path}/id`);
    if (v.stored !== undefined) this.timestamp(v.stored, `${path}/stored`);
    if (v.authority !== undefined) this.actor(v.authority, `${path}/authority`);
    if (v.version !== undefined) {
      const ok =
        typeof v.version === 'string' &&
        (VERSION_1.test(v.version) || (this.version === '2.0.0' && VERSION_2.test(v.version)));
      if (!ok)
        this.fail(`${path}/version`, 'version', 'A version this LRS stores (1.0.x, or 2.0.x with a 2.0 request)');
    }
    // Voiding (1.0.3 2.3.2): the object of a voided verb is the StatementRef it voids.
    if (isObject(v.verb) && v.verb.id === VOIDED && !(isObject(v.object) && v.object.objectType === 'StatementRef')) {
      this.fail(`${path}/object/objectType`, 'voidingStatementRef', 'A voiding statement’s object is a StatementRef');
    }
  }
}

/** The grammar errors of statements (a batch's paths start with its index), at most 50. */
export function statementErrors(
  list: readonly unknown[],
  version: XapiVersion,
  pathOf: (index: number) => string,
): FieldError[] {
  const checker = new Checker(version);
  list.forEach((s, i) => {
    checker.statement(s, pathOf(i));
  });
  return checker.errors;
}

/** The grammar errors of one Agent (or Group) given as a query parameter (`agent=`). */
export function agentErrors(v: unknown, path: string): FieldError[] {
  const checker = new Checker('2.0.0');
  checker.actor(v, path);
  return checker.errors;
}
