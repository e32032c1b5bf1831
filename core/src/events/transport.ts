/**
 * Carries "there is something to deliver" between instances. PostgreSQL holds every event and
 * delivery; a transport only shortens the wait for the next poll, so losing a message (or the
 * whole transport) adds latency, never loses an event.
 */
export interface WakeTransport {
  /** Starts listening; `onWake` is called when another instance has new deliveries. Must not throw. */
  start(onWake: () => void): Promise<void>;
  /** Tells the other instances to look now. Fire and forget. */
  notify(): void;
  stop(): Promise<void>;
}
