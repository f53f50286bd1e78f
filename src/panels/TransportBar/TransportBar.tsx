import { useEffect, useId, useRef } from 'react'
import { LIMITS } from '../../state/limits'
import { selectPlaying, selectRaceSteps, selectSpeed, selectSteps } from '../../state/selectors'
import type { AppState } from '../../state/store'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { NumberField } from '../../ui/NumberField'
import { SliderField } from '../../ui/SliderField'
import type { SliderScale } from '../../ui/sliderScale'
import { checkIntegerIn } from './checkInteger'
import { Icon } from './icons'
import type { IconName } from './icons'
import { RaceLegend } from './RaceLegend'
import { RaceNotice } from './RaceNotice'
import { useTransportKeys } from './useTransportKeys'
import './TransportBar.css'

/** The speed slider: log₁₀ of 1…10 000 steps/s in tenths of a decade (1, 1.3, 1.6, 2, 2.5, …), integers. */
const SPEED_SCALE: SliderScale = {
  min: LIMITS.speed.min,
  max: LIMITS.speed.max,
  step: 0.1,
  scale: 'log',
  integer: true,
}

/** The step shown and the race length: the current run's, or the settings' before the first race. */
const totalOf = (s: AppState): number => (s.raceSteps > 0 ? s.raceSteps : s.settings.steps)

/**
 * Play/pause, single steps both ways, reset, jump to the end, the timeline, speed and steps, and the race
 * legend. The playhead moves every frame, so the timeline thumb and the step counter are written from a
 * `store.subscribe` listener (React does not re-render per frame); the buttons re-render only when playing
 * starts or stops. Space and ← / → work anywhere on the page (`useTransportKeys`).
 */
export function TransportBar() {
  const t = useT()
  const store = useAppStore()
  const playing = useApp(selectPlaying)
  const raceSteps = useApp(selectRaceSteps)
  const steps = useApp(selectSteps)
  const speed = useApp(selectSpeed)
  const total = raceSteps > 0 ? raceSteps : steps
  const titleId = useId()
  const keysId = useId()
  const timeline = useRef<HTMLInputElement>(null)
  const counter = useRef<HTMLSpanElement>(null)
  const dragging = useRef(false)
  useTransportKeys(store)

  useEffect(() => {
    const sync = (s: AppState): void => {
      const step = s.cursor
      const of = totalOf(s)
      const input = timeline.current
      if (input !== null) {
        if (!dragging.current) input.value = String(step)
        input.setAttribute('aria-valuetext', t('status.step', { step, total: of }))
      }
      if (counter.current !== null)
        counter.current.textContent = t('transport.stepCounter', { step, total: of })
    }
    sync(store.getState())
    return store.subscribe((s, prev) => {
      if (
        s.cursor !== prev.cursor ||
        s.raceSteps !== prev.raceSteps ||
        s.settings.steps !== prev.settings.steps
      )
        sync(s)
    })
  }, [store, t, total])

  const endDrag = (): void => {
    dragging.current = false
    const input = timeline.current
    if (input !== null) input.value = String(store.getState().cursor)
  }
  const button = (testId: string, icon: IconName, label: string, onClick: () => void, title = label) => (
    <button type="button" data-testid={testId} aria-label={label} title={title} onClick={onClick}>
      <Icon name={icon} />
    </button>
  )
  const actions = () => store.getState()
  const integer = (min: number, max: number) => (text: string) => {
    const v = checkIntegerIn(text, min, max)
    return v === null ? { error: t('transport.integerRange', { min, max }) } : { value: v }
  }

  return (
    <section className="panel transport" aria-labelledby={titleId} aria-describedby={keysId}>
      <h2 id={titleId} className="visually-hidden">
        {t('transport.title')}
      </h2>
      <div className="transport-row">
        <div className="transport-buttons" role="group" aria-label={t('transport.title')}>
          {button('transport-reset', 'reset', t('button.reset'), () => actions().resetRace())}
          {button('transport-back', 'back', t('transport.back'), () => actions().stepBy(-1))}
          {button(
            'transport-play',
            playing ? 'pause' : 'play',
            t(playing ? 'button.pause' : 'button.play'),
            () => actions().togglePlay(),
            t('tooltip.play'),
          )}
          {button('transport-step', 'step', t('button.step'), () => actions().stepOnce(), t('tooltip.step'))}
          {button('transport-end', 'end', t('button.toEnd'), () => actions().toEnd())}
        </div>
        <input
          ref={timeline}
          className="transport-timeline"
          type="range"
          min={0}
          max={total}
          step={1}
          defaultValue={0}
          aria-label={t('transport.timeline')}
          title={t('tooltip.seek')}
          data-testid="timeline"
          onChange={(e) => actions().seek(Number(e.currentTarget.value))}
          onPointerDown={() => {
            dragging.current = true
            window.addEventListener('pointerup', endDrag, { once: true })
            window.addEventListener('pointercancel', endDrag, { once: true })
          }}
        />
        <span className="step-counter" data-testid="step-counter" aria-live="off" ref={counter} />
      </div>
      <RaceNotice />
      <div className="transport-settings">
        <SliderField
          label={t('control.speed')}
          sliderLabel={t('transport.speedSlider')}
          fieldLabel={t('transport.speedField')}
          scale={SPEED_SCALE}
          value={speed}
          onCommit={(v) => actions().setSpeed(v)}
          check={integer(LIMITS.speed.min, LIMITS.speed.max)}
          formatValue={(v) => t('unit.stepsPerSecond', { n: v })}
          help={t('tooltip.speed', { min: LIMITS.speed.min, max: LIMITS.speed.max })}
          sliderTestId="transport-speed"
          testId="transport-speed-value"
          inputMode="numeric"
        />
        <div className="transport-steps">
          <label className="ui-slider-label" htmlFor={`${titleId}-steps`}>
            {t('control.steps')}
          </label>
          <NumberField
            id={`${titleId}-steps`}
            value={steps}
            check={integer(LIMITS.steps.min, LIMITS.steps.max)}
            onCommit={(v) => actions().setSteps(v)}
            testId="transport-steps"
            inputMode="numeric"
            describedBy={`${titleId}-steps-help`}
          />
          <div id={`${titleId}-steps-help`} className="ui-help">
            {t('tooltip.steps', { min: LIMITS.steps.min, max: LIMITS.steps.max })}
          </div>
        </div>
      </div>
      <RaceLegend />
      <p id={keysId} className="transport-keys">
        {t('transport.keys')}
      </p>
    </section>
  )
}
