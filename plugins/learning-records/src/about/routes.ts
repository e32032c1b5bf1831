import type { LearningRecordsRegistrar } from '../config.js';
import { LATEST, VERSION_HEADER } from '../shared/xapi-http.js';
import { getAbout } from './contract.js';

/** The versions this LRS speaks, newest last (as the conformance suite's clients read them). */
export const VERSIONS = ['1.0.3', '2.0.0'];

export function registerAbout(p: LearningRecordsRegistrar): void {
  p.route(getAbout, async (_input, ctx) => {
    const asked = ctx.c.req.header(VERSION_HEADER)?.trim() ?? '';
    const version = /^1\.0(\.\d+)?$/.test(asked) ? '1.0.3' : LATEST;
    return { status: 200, body: { version: VERSIONS }, headers: { [VERSION_HEADER]: version } };
  });
}
