import { Type } from '@sinclair/typebox';
import { defineEvent } from '../events/event-ref.js';

// The core's own events. Payloads carry ids, never personal data: subscribers that need more
// ask identity through their context.

export const PersonRegistered = defineEvent(
  'core.person.registered',
  Type.Object({
    personId: Type.String(),
    learnerNumber: Type.String(),
    regionId: Type.String(),
    minor: Type.Boolean(),
  }),
);

export const PersonVerified = defineEvent(
  'core.person.verified',
  Type.Object({ personId: Type.String(), learnerNumber: Type.String(), regionId: Type.String() }),
);

export const PersonMerged = defineEvent(
  'core.person.merged',
  Type.Object({ personId: Type.String(), intoPersonId: Type.String(), regionId: Type.String() }),
);

/** A person was erased (docs/privacy.md): their row is a tombstone; caches and copies elsewhere forget them. */
export const PersonErased = defineEvent(
  'core.person.erased',
  Type.Object({ personId: Type.String(), regionId: Type.String() }),
);

export const GroupMemberAdded = defineEvent(
  'core.group-member.added',
  Type.Object({ groupId: Type.String(), personId: Type.String(), role: Type.String(), regionId: Type.String() }),
);

export const CORE_EVENTS = [PersonRegistered, PersonVerified, PersonMerged, PersonErased, GroupMemberAdded] as const;
