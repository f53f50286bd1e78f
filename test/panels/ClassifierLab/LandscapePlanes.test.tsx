// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Language } from '../../../src/i18n/translate'
import { ClassifierLab } from '../../../src/panels/ClassifierLab/ClassifierLab'
import { PlaneHonesty } from '../../../src/panels/ClassifierLab/PlaneHonesty'
import { SCREEN_SCALE } from '../../../src/render/drawScale'
import { createLabStore } from '../../../src/state/lab/labStore'
import type {
  InterpolationLine,
  LandscapePath,
  LandscapeRun,
  TrainInterpolationReply,
  TrainLandscapeReply,
  TrainLandscapeRequest,
} from '../../../src/worker/protocol'
import { createFakeTrainDriver } from '../../state/lab/fakeTrainDriver'

const dotText = readFileSync(resolve('public/dot.csv'), 'utf8')

beforeEach(() => {
  // jsdom has no 2D canvas: the panel then paints nothing; these tests read the HTML and data attributes.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** A path of epochs 0..4 towards the center, the plane exact only at the end. */
const path = (): LandscapePath => ({
  epochs: Float64Array.from([0, 1, 2, 3, 4]),
  alpha: Float64Array.from([-2, -1.5, -1, -0.5, 0]),
  beta: Float64Array.from([-1, -0.5, -0.2, -0.1, 0]),
  loss: Float64Array.from([2, 1, 0.5, 0.3, 0.2]),
  planeLoss: Float64Array.from([1.5, 0.9, 0.5, 0.3, 0.2]),
  explainedVariance: [0.8, 0.15],
})

const runOf = (key: 'a' | 'b', pca: boolean): LandscapeRun => ({
  run: key,
  epoch: 4,
  values: new Float64Array(25).fill(1),
  min: 1,
  max: 1,
  contours: { levels: [], log: false },
  centerLoss: key === 'a' ? 0.2 : 0.3,
  lambdaMax: 5,
  width: [0.5, 0.4],
  ...(pca && { span: 2.5, path: path() }),
})

const line = (id: 'a' | 'b' | 'ab', end: number): InterpolationLine => {
  const t = Float64Array.from({ length: 9 }, (_, i) => -0.5 + i * 0.25)
  const loss = t.map((x) => 1 + (x - 1) ** 2 * 2 + (end - 1))
  return { id, epoch: 4, t, loss, dataLoss: loss.map((v) => v * 0.9), accuracy: t.map(() => 0.75) }
}

async function mount(language: Language = 'en') {
  const fake = createFakeTrainDriver()
  const landscape = vi.fn(
    async (p: Pick<TrainLandscapeRequest, 'seed' | 'span' | 'n' | 'contours' | 'directions'>) => {
      const pca = p.directions === 'pca'
      const reply: TrainLandscapeReply = {
        type: 'train.landscapeResult',
        requestId: 1,
        runId: 1,
        directions: p.directions ?? 'random',
        seed: p.seed,
        span: p.span,
        n: 5,
        runs: [runOf('a', pca), runOf('b', pca)],
      }
      return reply
    },
  )
  const interpolation = vi.fn(async (): Promise<TrainInterpolationReply> => ({
    type: 'train.interpolationResult',
    requestId: 2,
    runId: 1,
    lines: [line('a', 1.2), line('b', 1.3), line('ab', 1.1)],
  }))
  const store = createLabStore(
    { ...fake.driver, landscape, interpolation },
    { language, fetchText: async () => dotText },
  )
  render(<ClassifierLab store={store} />)
  await waitFor(() => expect(fake.names()).toEqual(['load', 'start']))
  return { store, landscape, interpolation }
}

describe('the lab’s landscapes on PCA planes', () => {
  it('the toggle asks the worker for PCA planes and shows each path’s variance and honesty chart', async () => {
    const { store, landscape } = await mount('en')
    await waitFor(() => expect(screen.getByTestId('lab-landscape-a')).toHaveAttribute('data-epoch', '4'))
    expect(screen.getByTestId('lab-landscape-reroll')).toBeInTheDocument()
    expect(screen.queryByTestId('lab-honesty-a')).toBeNull()
    const toggle = screen.getByTestId('lab-landscape-directions')
    fireEvent.click(within(toggle).getByRole('button', { name: 'Each on its own PCA plane' }))
    await waitFor(() =>
      expect(landscape).toHaveBeenLastCalledWith(expect.objectContaining({ directions: 'pca' })),
    )
    await waitFor(() => expect(screen.getByTestId('lab-honesty-a')).toBeInTheDocument())
    expect(store.getState().landscape.directions).toBe('pca')
    // Re-rolling random directions means nothing on a PCA plane.
    expect(screen.queryByTestId('lab-landscape-reroll')).toBeNull()
    expect(screen.getByTestId('lab-landscape-variance-a')).toHaveTextContent(
      'PCA plane: d₁ holds 80.0% of the path’s variance, d₂ 15.0% (together 95.0%).',
    )
    const fig = screen.getByTestId('lab-landscape-b')
    expect(fig).toHaveAttribute('data-span', '2.5')
    expect(fig).toHaveAttribute('data-variance', '0.8,0.15')
    // The scrubber's epoch moves the path's point: epoch 2 is the third point.
    act(() => store.setState({ run: { ...store.getState().run, view: 2 } }))
    expect(fig).toHaveAttribute('data-path-epoch', '2')
    expect(fig).toHaveAttribute('data-path-alpha', '-1')
    expect(fig).toHaveAttribute('data-path-beta', '-0.2')
    act(() => store.setState({ run: { ...store.getState().run, view: 4 } }))
    expect(fig).toHaveAttribute('data-path-epoch', '4')
    // Back to random directions: no path, the re-roll is back.
    fireEvent.click(within(toggle).getByRole('button', { name: 'Same random directions' }))
    await waitFor(() => expect(screen.getByTestId('lab-landscape-reroll')).toBeInTheDocument())
    await waitFor(() => expect(screen.getByTestId('lab-landscape-a')).not.toHaveAttribute('data-variance'))
  })

  it('PlaneHonesty names both curves and carries the largest gap between them (zh)', () => {
    const store = createLabStore(createFakeTrainDriver().driver, { language: 'zh', autoPrepare: false })
    render(
      <PlaneHonesty
        store={store}
        run="a"
        name="无正则化"
        path={path()}
        view={2}
        widthPx={300}
        scale={SCREEN_SCALE}
      />,
    )
    const box = screen.getByTestId('lab-honesty-a')
    expect(box).toHaveTextContent('平面在哪里失真：无正则化')
    expect(box).toHaveTextContent('真实路径上的损失 L(θₑ)')
    expect(box).toHaveTextContent('平面在投影处给出的损失')
    // max |loss − planeLoss| = |2 − 1.5|.
    expect(Number(box.getAttribute('data-gap'))).toBe(0.5)
    expect(within(box).getByRole('img')).toHaveAccessibleName(
      '无正则化 沿真实训练路径的损失，与 PCA 平面在路径投影处给出的损失，按回合',
    )
  })
})

describe('the interpolation chart', () => {
  it('asks the worker for t ∈ [−0.5, 1.5] and says the losses at t = 0 and t = 1', async () => {
    const { interpolation } = await mount('en')
    await waitFor(() => expect(screen.getByTestId('lab-interpolation')).toHaveAttribute('data-epoch', '4'))
    expect(interpolation).toHaveBeenCalledWith({ t: { min: -0.5, max: 1.5, n: 81 } })
    const section = screen.getByTestId('lab-interpolation')
    // line('a', 1.2): loss(t) = 1 + 2(t − 1)² + 0.2, so 3.2 at t = 0 and 1.2 at t = 1.
    expect(Number(section.getAttribute('data-end-a'))).toBeCloseTo(1.2, 12)
    expect(Number(section.getAttribute('data-start-a'))).toBeCloseTo(3.2, 12)
    expect(Number(section.getAttribute('data-end-b'))).toBeCloseTo(1.3, 12)
    expect(screen.getByTestId('lab-interpolation-ends')).toHaveTextContent(
      'epoch 4 · at t = 0: loss 3.2 and 3.3 (initial weights) · at t = 1: loss 1.2 and 1.3 (the centers of the landscapes)',
    )
    const legend = screen.getByTestId('lab-interpolation-legend')
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Without regularization: initial → current weights',
      'With L2, λ = 0.03: initial → current weights',
      'Without regularization → With L2, λ = 0.03 (data term)',
    ])
  })

  it('renders in Chinese', async () => {
    await mount('zh')
    await waitFor(() => expect(screen.getByTestId('lab-interpolation')).toHaveAttribute('data-epoch', '4'))
    expect(screen.getByRole('heading', { name: '权重空间中的直线（一维插值）' })).toBeInTheDocument()
    expect(screen.getByTestId('lab-interpolation-ends')).toHaveTextContent(
      '第 4 回合 · t = 0 处：损失 3.2 和 3.3',
    )
    expect(screen.getByTestId('lab-interpolation-legend')).toHaveTextContent(
      '无正则化 → 有正则化：L2, λ = 0.03（数据项）',
    )
  })
})
