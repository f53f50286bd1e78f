import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createLabPlayback, MAX_LAB_STEP } from '../../src/embed/labPlayback'
import { createLabStore } from '../../src/state/lab/labStore'
import { createFakeTrainDriver, frameOf } from '../state/lab/fakeTrainDriver'

const dotText = readFileSync(new URL('../../public/dot.csv', import.meta.url), 'utf8')

async function setup() {
  const fake = createFakeTrainDriver()
  const lab = createLabStore(fake.driver, { fetchText: async () => dotText })
  lab.getState().activate()
  for (let i = 0; i < 5; i++) await Promise.resolve()
  fake.calls.length = 0
  return { fake, lab, playback: createLabPlayback(lab) }
}

describe('createLabPlayback', () => {
  it('step(n) trains n epochs; it refuses to go back, or to queue more than MAX_LAB_STEP', async () => {
    const { fake, playback } = await setup()
    expect(playback.step(3)).toBeNull()
    expect(fake.names()).toEqual(['step', 'step', 'step'])
    fake.calls.length = 0
    for (const n of [0, -1, 1.5, MAX_LAB_STEP + 1])
      expect(playback.step(n), String(n)).toMatch(/forward only/)
    expect(fake.calls).toEqual([])
  })

  it('its state counts epochs and reports networks a and b with their loss after the last epoch', async () => {
    const { fake, lab, playback } = await setup()
    const events: string[] = []
    playback.subscribe({ progress: () => events.push('progress'), finished: () => events.push('finished') })
    expect(playback.state()).toMatchObject({
      target: 'classifier',
      cursor: 0,
      total: 800,
      racers: [
        { id: 'a', index: 0, optimizer: 'sgd', loss: null },
        { id: 'b', index: 1, optimizer: 'sgd', loss: null },
      ],
    })
    const runId = lab.getState().run.runId!
    // The fake's frames give network a the loss `fill` and network b `fill + 0.1`.
    fake.emit(frameOf(runId, 3, { fill: 0.25 }))
    expect(playback.state()).toMatchObject({
      cursor: 3,
      playing: true,
      racers: [{ loss: 0.25 }, { loss: 0.25 + 0.1 }],
    })
    fake.emit(frameOf(runId, 5, { from: 3, playing: false, done: true, fill: 0.125 }))
    expect(playback.state()).toMatchObject({
      cursor: 5,
      finished: true,
      racers: [{ loss: 0.125 }, { loss: 0.125 + 0.1 }],
    })
    expect(events).toEqual(['progress', 'progress', 'finished'])
  })
})
