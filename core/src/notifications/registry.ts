import type { NotificationRef } from './notification-ref.js';

/** Every notification kind the platform can show, by id: the core's and each plugin's. */
export class NotificationRegistry {
  private readonly refs = new Map<string, { ref: NotificationRef; source: string }>();

  add(source: string, ref: NotificationRef): void {
    const existing = this.refs.get(ref.id);
    if (existing && existing.ref !== ref) {
      throw new Error(`Notification "${ref.id}" is declared by both ${existing.source} and ${source}`);
    }
    this.refs.set(ref.id, { ref, source });
  }

  get(id: string): NotificationRef | undefined {
    return this.refs.get(id)?.ref;
  }

  has(ref: NotificationRef): boolean {
    return this.refs.get(ref.id)?.ref === ref;
  }
}
