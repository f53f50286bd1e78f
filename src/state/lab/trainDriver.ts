/**
 * The lab store's view of the worker is the train family's driver, declared once beside its messages
 * (src/worker/protocol/train.ts) and implemented by the worker client's `client.train`; main.tsx injects it,
 * tests a fake (test/state/lab/fakeTrainDriver.ts).
 */
export type { ComparePayload, TrainDriver, TrainStartPayload } from '../../worker/protocol'
