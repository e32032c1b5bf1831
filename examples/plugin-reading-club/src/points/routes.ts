import type { ReadingClubRegistrar } from '../config.js';
import { personOf } from '../shared/people.js';
import { pointBalance } from '../shared/points.js';
import * as contract from './contract.js';

/** Serves the points feature: the reader's balance (awarding is in shared/points.ts). */
export function registerPoints(p: ReadingClubRegistrar): void {
  p.route(contract.getPoints, async (_input, ctx) => {
    const { accountId, points } = await pointBalance(ctx, personOf(ctx));
    return { status: 200, body: { accountId, points: String(points) } };
  });
}
