import { useId, useRef, useState } from 'react'
import { getScheduleMeta, optimizerMeta, supportedConventions, weightDecayRule } from '../../core/meta'
import { racerColor, racerColors } from '../../render/colors'
import { formatValue, texToUnicode } from '../../render/texLabel'
import type { Convention } from '../../core/types'
import { optimizerName, scheduleName } from '../../i18n/registryNames'
import type { Language } from '../../i18n/translate'
import type { RaceScheduleSpec } from '../../state/scheduleRules'
import type { RacerSettings } from '../../state/settings'
import type { AppState } from '../../state/store'
import type { useT } from '../../state/useApp'
import { Tex } from '../../ui/Tex'
import type { CardNote } from './cardNotes'
import { addsWeightDecayToGradient } from './cardNotes'
import { pickUpdate, readUpdate } from './cardValues'
import { setText, useFramePainter } from './useFramePainter'

export interface RacerCardProps {
  racer: RacerSettings
  /** Shown with its rule and live table (the selected racer) or as a one-line header. */
  expanded: boolean
  notes: readonly CardNote[]
  /** The schedule this racer follows (its own, else the shared one). */
  schedule: RaceScheduleSpec
  /** Parameter names of the surface's axes as plain text (w₁, w₂ or b, w). */
  axes: readonly [string, string]
  language: Language
  t: Translate
  onSelect(): void
}

type Translate = ReturnType<typeof useT>

/** 4 significant digits, '−' for minus, ×10ⁿ outside [10⁻³, 10⁴). */
const fmt = (v: number): string => formatValue(v, 4)
const DASH = '—'

/**
 * One racer's formula card: its update rule in its convention (KaTeX of the registry's TeX), the schedule
 * η_t it follows, what to notice, and the live values of the update at the playhead — θ, g, every state
 * array, η_t and Δθ per parameter — written straight into the DOM once per animation frame.
 */
export function RacerCard({ racer, expanded, notes, schedule, axes, language, t, onSelect }: RacerCardProps) {
  const id = useId()
  const { kind } = racer.optimizer
  const convention = racer.optimizer.convention ?? 'lecture'
  const rule = optimizerMeta[kind].conventions[convention]
  const stateKeys = rule?.stateKeys ?? []
  const keys = stateKeys.map((s) => s.key)
  const summary = useRef<HTMLSpanElement>(null)
  const status = useRef<HTMLParagraphElement>(null)
  const caption = useRef<HTMLSpanElement>(null)
  const table = useRef<HTMLTableElement>(null)
  // The painter owns the text of these live elements; React renders them empty so it never holds a text node
  // the painter has replaced.

  useFramePainter((s: AppState) => {
    const track = s.tracks.find((tr) => tr.id === racer.id)
    const at = track === undefined ? null : pickUpdate(track.count, s.cursor)
    setText(
      summary.current,
      track === undefined || at === null
        ? t('cards.waiting')
        : t('cards.point', {
            step: at.point,
            loss: fmt(track.loss[at.point]),
            norm: fmt(track.gradNorm[at.point]),
          }),
    )
    setText(
      status.current,
      track?.status === 'diverged'
        ? t(track.divergence === 'escaped' ? 'status.escaped' : 'status.diverged', {
            n: track.divergedAt ?? track.count,
          })
        : '',
    )
    const root = table.current
    if (root === null) return
    const cell = (name: string) => root.querySelector(`[data-cell="${name}"]`)
    if (track === undefined || at === null || at.update === null) {
      setText(caption.current, t('cards.waiting'))
      for (const el of root.querySelectorAll('[data-cell]')) setText(el, DASH)
      return
    }
    const u = at.update
    setText(caption.current, t(at.next ? 'cards.next' : 'cards.last', { t: u, t1: u + 1 }))
    const v = readUpdate(track, u, keys)
    for (let i = 0; i < 2; i++) {
      setText(cell(`theta-${i}`), fmt(v.theta[i]))
      setText(cell(`grad-${i}`), fmt(v.grad[i]))
      setText(cell(`step-${i}`), fmt(v.step[i]))
      keys.forEach((key, j) => {
        const pair = v.state[j]
        setText(cell(`state-${key}-${i}`), pair === undefined ? DASH : fmt(pair[i]))
      })
    }
    setText(cell('lr'), fmt(v.lr))
  })

  const color = racerColor(racer.color)
  const colorName = racerColors[racer.color % racerColors.length].name[language]
  const title = `${optimizerName(kind, language)} · ${t(`convention.${convention}`)}`
  const row = (name: string, symbol: string, description: string, testKey: string) => (
    <tr key={name} data-row={name}>
      <th scope="row">
        <span className="card-symbol">{symbol}</span>
        <span className="card-row-name">{description}</span>
      </th>
      <td data-cell={`${testKey}-0`} />
      <td data-cell={`${testKey}-1`} />
    </tr>
  )

  return (
    <article
      className={`racer-card${expanded ? ' is-expanded' : ''}`}
      data-testid={`racer-card-${racer.id}`}
      style={{ borderLeftColor: color }}
      aria-labelledby={`${id}-title`}
    >
      <header className="card-header">
        <button
          type="button"
          className="card-toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-body`}
          onClick={onSelect}
        >
          <span className="card-swatch" style={{ background: color }} aria-hidden="true" />
          <span id={`${id}-title`} className="card-title">
            {title}
          </span>
          <span className="visually-hidden"> ({colorName})</span>
          {racer.hidden && <span className="card-badge">{t('controls.hidden')}</span>}
        </button>
        <span ref={summary} className="card-summary" aria-live="off" />
      </header>
      <p ref={status} className="card-status" role="status" />
      {expanded && rule !== undefined && (
        <div id={`${id}-body`} className="card-body">
          {addsWeightDecayToGradient(racer) && <Tex tex={weightDecayRule} display />}
          <Tex tex={rule.rule} display />
          <div className="card-schedule">
            <span>{t('cards.schedule', { name: scheduleName(schedule.kind, language) })}</span>
            <Tex tex={getScheduleMeta(schedule.kind).formula} />
          </div>
          <NoteList notes={notes} language={language} t={t} />
          <table ref={table} className="card-values" data-testid={`card-values-${racer.id}`}>
            <caption>
              <span ref={caption} />
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cards.quantity')}</th>
                <th scope="col">{axes[0]}</th>
                <th scope="col">{axes[1]}</th>
              </tr>
            </thead>
            <tbody>
              {row('theta', 'θᵗ', t('cards.row.theta'), 'theta')}
              {row('grad', 'g', t('cards.row.grad'), 'grad')}
              {stateKeys.map((s) =>
                row(
                  `state-${s.key}`,
                  texToUnicode(s.tex),
                  t('cards.row.state', { name: s.name[language] }),
                  `state-${s.key}`,
                ),
              )}
              <tr data-row="lr">
                <th scope="row">
                  <span className="card-symbol">ηₜ</span>
                  <span className="card-row-name">{t('cards.row.lr')}</span>
                </th>
                <td colSpan={2} data-cell="lr" />
              </tr>
              {row('step', 'Δθ', t('cards.row.step'), 'step')}
            </tbody>
          </table>
          <Compare kind={kind} convention={convention} t={t} />
        </div>
      )}
    </article>
  )
}

function NoteList({ notes, language, t }: { notes: readonly CardNote[]; language: Language; t: Translate }) {
  if (notes.length === 0) return null
  return (
    <ul className="card-notes">
      {notes.map((n, i) => (
        <li key={i} className={`card-note card-note-${n.kind}`}>
          {noteText(n, language, t)}
        </li>
      ))}
    </ul>
  )
}

function noteText(n: CardNote, language: Language, t: Translate): string {
  if ('text' in n) return n.text[language]
  if (n.kind === 'weightDecay') return t('cards.weightDecay', { value: formatValue(n.value, 4) })
  return t('cards.sameKind', {
    color: racerColors[n.other.color % racerColors.length].name[language],
    kind: optimizerName(n.other.optimizer.kind, language),
    convention: t(`convention.${n.other.optimizer.convention ?? 'lecture'}`),
  })
}

/** A convention's defaults as the lecture writes them: “η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸, λ_wd = 0”. */
function defaultsText(kind: RacerSettings['optimizer']['kind'], convention: Convention): string {
  return optimizerMeta[kind].conventions[convention]!.hyperParams.map(
    (p) => `${texToUnicode(p.tex)} = ${formatValue(p.default, 4)}`,
  ).join(', ')
}

/** The same kind's rule in the other conventions that define it, typeset only once the section is opened. */
function Compare({
  kind,
  convention,
  t,
}: {
  kind: RacerSettings['optimizer']['kind']
  convention: string
  t: Translate
}) {
  const [open, setOpen] = useState(false)
  const others = supportedConventions(kind).filter((c) => c !== convention)
  if (others.length === 0) return null
  return (
    <details className="card-compare" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('cards.compare')}</summary>
      {open &&
        others.map((c) => (
          <div key={c} className="card-compare-item">
            <div className="card-compare-name">{t(`convention.${c}`)}</div>
            <Tex tex={optimizerMeta[kind].conventions[c]!.rule} display />
            <div className="card-compare-defaults">{defaultsText(kind, c)}</div>
          </div>
        ))}
    </details>
  )
}
