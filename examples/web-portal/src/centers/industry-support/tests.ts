import assessments from '@lifelong/plugin-assessments/client';
import { LifelongError } from '@lifelong/sdk';
import { centerApi } from '../../api.js';

/** The assessments plugin's calls, for the self-test pages (their client loads with these pages only). */
export const testsApi = () => centerApi(assessments).assessments;

/**
 * Starts an attempt at a form, or, when one is already in progress, finds it: either way the id of
 * the attempt to go on with. Other refusals (limit, cooldown, closed) are thrown to the page.
 */
export async function startOrResume(formId: string): Promise<string> {
  try {
    return (await testsApi().forms.attempts.start({ formId })).id;
  } catch (caught) {
    if (caught instanceof LifelongError && caught.code === 'ASSESSMENTS_ATTEMPT_IN_PROGRESS') {
      const mine = await testsApi().attempts.list({ formId, limit: 100 });
      const open = mine.items.find((attempt) => attempt.status === 'inProgress');
      if (open) return open.id;
    }
    throw caught;
  }
}

/** The titles of assessment forms by id (forms the learner may no longer see are left out). */
export async function formTitles(formIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(formIds)];
  const entries = await Promise.all(
    ids.map(async (formId) => {
      try {
        return [formId, (await testsApi().forms.get({ formId })).title] as const;
      } catch {
        return undefined;
      }
    }),
  );
  return new Map(entries.filter((entry) => entry !== undefined));
}
