import type { Transaction } from '../db/database.js';
import type { Principal } from '../identity/principal.js';

/**
 * What a plugin holds about a person, and how it forgets them (`p.personalData(...)`,
 * docs/privacy.md). Both run as the plugin's role inside one platform transaction: an export sees
 * one consistent moment, an erasure commits with the core's and every other plugin's or not at all.
 */
export interface PersonalDataHooks<Ctx> {
  /**
   * Everything the plugin keeps about the person, as JSON: their own words and choices in the clear
   * (it is their copy), secrets and other people's personal data left out. Ids stay ids.
   */
  export(personId: string, ctx: Ctx): Promise<Record<string, unknown>>;
  /**
   * Erases or pseudonymises the person's personal fields and returns counts per kind of row
   * (`{ profiles: 1, posts: 12 }`). Ledger postings are never touched (the ledger cannot be edited;
   * the person's accounts stay, owned by an id that no longer names anyone). Throw a 409 problem
   * to refuse (an open escrow, say): the whole erasure rolls back and the decider sees why.
   */
  erase(personId: string, ctx: Ctx): Promise<Record<string, number>>;
}

/** One plugin's part of an export. */
export interface PersonalDataSection {
  version: string;
  /** Null when the plugin declares no personal-data hooks (said in `note`). */
  data: Record<string, unknown> | null;
  note?: string;
}

/** Who asks, carried into the plugins' scope (their ledger and identity calls act for them). */
export interface PersonalDataRequest {
  principal: Principal;
  requestId: string;
}

/** The plugins' hooks, run by the core's privacy routes inside the core's transaction. */
export interface PersonalDataHub {
  export(tx: Transaction, personId: string, request: PersonalDataRequest): Promise<Record<string, PersonalDataSection>>;
  erase(
    tx: Transaction,
    personId: string,
    request: PersonalDataRequest,
  ): Promise<Record<string, Record<string, number>>>;
}
