import type { Logger } from 'pino';
import type { Settings } from '../config/settings.js';
import type { Database } from '../db/database.js';
import { ServiceUnavailable } from '../errors/core-errors.js';
import type { EventSystem } from '../events/event-system.js';
import type { MessageChannels } from '../messaging/channels.js';
import type { NotificationRegistry } from '../notifications/registry.js';
import { cnResidentId } from './national-id/cn-ric.js';
import { resolveNationalIdKeys } from './national-id/keys.js';
import { NationalIdProtector } from './national-id/protector.js';
import type { NationalIdScheme, NationalIdSchemes } from './national-id/scheme.js';
import type { PermissionRegistry } from './permission-registry.js';
import { type IdentityVerifier, registrarVerifier } from './verifier.js';

/** Everything identity services need; built once when the platform starts. */
export interface IdentityContext {
  db: Database;
  settings: Settings;
  protector: NationalIdProtector;
  schemes: NationalIdSchemes;
  /** Roles and their permissions on this platform (core + plugins). */
  permissions: PermissionRegistry;
  /** Who decides identity verifications, by region (default: the registrar's decision). */
  verifierFor(regionId: string): IdentityVerifier;
  /** Writes an event in the caller's transaction (the outbox); delivered after commit. */
  emit: EventSystem['emit'];
  /** The time now; tests pass a fixed clock. */
  now: () => Date;
  /** Notification kinds, to put core notifications in inboxes (`notify`). */
  notifications: NotificationRegistry;
  /** Email and SMS, for one-time codes (contact verification, password resets). */
  channels: MessageChannels;
}

export interface IdentityModuleOptions {
  notifications: NotificationRegistry;
  channels: MessageChannels;
  settings: Settings;
  logger: Logger;
  /** National ID schemes besides CN-RIC (one per country or document kind). */
  nationalIdSchemes?: readonly NationalIdScheme[];
  permissions: PermissionRegistry;
  events: EventSystem;
  /** Identity verifiers by region id; regions not named use the registrar's decision. */
  verifiers?: Readonly<Record<string, IdentityVerifier>>;
  now?: () => Date;
}

/** Holds the identity context, which exists only once the database is open and the keys are loaded. */
export class IdentityModule {
  private current: IdentityContext | undefined;
  constructor(private readonly options: IdentityModuleOptions) {}

  async start(db: Database): Promise<void> {
    const keys = await resolveNationalIdKeys(this.options.settings, this.options.logger);
    const schemes = new Map([cnResidentId, ...(this.options.nationalIdSchemes ?? [])].map((s) => [s.id, s]));
    this.current = {
      db,
      settings: this.options.settings,
      protector: new NationalIdProtector(keys),
      schemes,
      permissions: this.options.permissions,
      emit: this.options.events.emit,
      verifierFor: (regionId) => this.options.verifiers?.[regionId] ?? registrarVerifier,
      now: this.options.now ?? (() => new Date()),
      notifications: this.options.notifications,
      channels: this.options.channels,
    };
  }

  context(): IdentityContext {
    if (!this.current) {
      throw ServiceUnavailable({ detail: 'The platform has not started.', headers: { 'Retry-After': '1' } });
    }
    return this.current;
  }
}
