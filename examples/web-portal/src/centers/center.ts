import type { Me } from '@lifelong/sdk';
import type { RouteRecordRaw } from 'vue-router';
import type { MessageTree } from '../i18n/messages.js';

/** A link a center adds to the main navigation (and, with `card`, to the home page). */
export interface NavEntry {
  /** The path, one of the center's routes. */
  to: string;
  /** The message key of the link's text. */
  label: string;
  /** The message key of the home page card's sentence; no card without it. */
  card?: string;
  /** Whom the entry is for (e.g. staff holding a role); everyone signed in when omitted. */
  visible?: (me: Me) => boolean;
}

/**
 * One plugin's part of the portal (`src/centers/<pluginId>/`): its pages, its navigation entries
 * and its messages in every language. Shown only where the region enables the plugin: the router
 * refuses its routes (the "not available here" page) and the navigation leaves its entries out.
 */
export interface Center {
  /** The plugin's id, as `GET /v1/plugins` names it. */
  pluginId: string;
  /** The messages' namespace: the center's keys are `<namespace>.…` (camelCase of the id). */
  namespace: string;
  /** English is the source of the keys; zh-CN has the same ones (the messages test checks). */
  messages: { en: MessageTree; 'zh-CN': MessageTree };
  /** Its pages; each is for signed-in people and is tagged with the plugin (see `defineCenter`). */
  routes: RouteRecordRaw[];
  nav: NavEntry[];
}

/** Declares a center: its routes are marked as the plugin's and as needing a signed-in person. */
export function defineCenter(center: Center): Center {
  return {
    ...center,
    routes: center.routes.map((route) => ({
      ...route,
      meta: { ...route.meta, title: route.meta?.title ?? '', auth: true, plugin: center.pluginId },
    })) as RouteRecordRaw[],
  };
}

/** Whether a person holds a role (in any scope). */
export const holds = (me: Me, ...roles: string[]): boolean => me.roles.some((grant) => roles.includes(grant.role));
