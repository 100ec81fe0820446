/**
 * The live events channel (`<prefix>:events`) between processes: the outbox relay and
 * the api publish, every api process subscribes and relays to its sockets. At most
 * once: a lost message is healed by the console's refetch.
 */
export abstract class EventBus {
  abstract publish(messages: readonly unknown[]): Promise<void>;
  /** Calls `listener` with each raw (JSON) message published by any process from now on. */
  abstract subscribe(listener: (raw: string) => void): Promise<void>;
}
