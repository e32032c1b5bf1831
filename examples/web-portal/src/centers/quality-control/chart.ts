/** One period of a series, as the chart draws it (the plugin's series item). */
export interface ChartPoint {
  period: string;
  value: number | null;
  n: number;
  status: 'green' | 'amber' | 'red' | 'suppressed';
}

const ACTIONS_KEY = 'lifelong.qualityControl.actions';

/** The improvement actions opened from alerts in this browser, by alert id (the API lists none). */
export function actionsByAlert(): Record<string, string> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(ACTIONS_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Remembers the action opened from an alert. */
export function rememberAction(alertId: string, actionId: string): void {
  try {
    globalThis.localStorage?.setItem(ACTIONS_KEY, JSON.stringify({ ...actionsByAlert(), [alertId]: actionId }));
  } catch {
    // Only a shortcut: the action stays reachable from its address.
  }
}
