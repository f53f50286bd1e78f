/**
 * The store's view of the worker is the race family's driver, declared once beside its messages
 * (src/worker/protocol/race.ts) and implemented by the worker client; main.tsx injects the client, tests a
 * fake (test/state/fakeDriver.ts).
 */
export type { RaceDriver, RaceOptions } from '../worker/protocol'
