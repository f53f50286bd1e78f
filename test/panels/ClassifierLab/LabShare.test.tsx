// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_CSV_LENGTH } from '../../../src/core/limits'
import type { Language } from '../../../src/i18n/translate'
import { ClassifierLab } from '../../../src/panels/ClassifierLab/ClassifierLab'
import { createMemoryVault } from '../../../src/state/lab/dataVault'
import { createLabStore } from '../../../src/state/lab/labStore'
import { createFakeTrainDriver } from '../../state/lab/fakeTrainDriver'

const dotText = readFileSync(resolve('public/dot.csv'), 'utf8')
const csv = 'a,b,label\n10,20,1\n-10,0,0\n5,5,1\n0,0,0\n'

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

async function mount(language: Language) {
  const fake = createFakeTrainDriver()
  const store = createLabStore(fake.driver, {
    language,
    fetchText: async () => dotText,
    vault: createMemoryVault(),
  })
  render(<ClassifierLab store={store} />)
  await waitFor(() => expect(fake.names()).toEqual(['load', 'start']))
  return { fake, store }
}

const drop = (file: File): void => {
  const input = screen.getByTestId('lab-drop').querySelector('input[type=file]') as HTMLInputElement
  fireEvent.change(input, { target: { files: [file] } })
}

describe('the lab names a loaded file and says what its link carries', () => {
  it('en: the title names the file; the note says the file itself is not in the link', async () => {
    await mount('en')
    expect(screen.getByTestId('lab-link-note')).toHaveTextContent(
      'The link reproduces this lab: the data and every setting.',
    )
    drop(new File([csv], 'far.csv', { type: 'text/csv' }))
    await waitFor(() => expect(screen.getByTestId('lab-title')).toHaveTextContent('Classifier lab: far.csv'))
    expect(screen.getByTestId('lab-link-note')).toHaveTextContent('the file itself is not in the link')
    expect(screen.getByTestId('lab-link-note')).toHaveTextContent('in this browser only')
  })

  it('zh: the same in Chinese', async () => {
    await mount('zh')
    drop(new File([csv], 'far.csv', { type: 'text/csv' }))
    await waitFor(() => expect(screen.getByTestId('lab-title')).toHaveTextContent('分类实验：far.csv'))
    expect(screen.getByTestId('lab-link-note')).toHaveTextContent('文件本身不在链接里')
  })

  it('a file over the limit is refused from its size, without being read', async () => {
    await mount('en')
    const huge = new File(['x'], 'huge.csv', { type: 'text/csv' })
    Object.defineProperty(huge, 'size', { value: MAX_CSV_LENGTH + 1 })
    const read = vi.spyOn(huge, 'text')
    drop(huge)
    await waitFor(() =>
      expect(screen.getByTestId('lab-data-problem')).toHaveTextContent(
        '“huge.csv” is 32.0 MB; files over 32.0 MB are not read. The current data is kept.',
      ),
    )
    expect(read).not.toHaveBeenCalled()
    expect(screen.getByTestId('lab-title')).toHaveTextContent('Classifier lab: dot.csv')
  })
})
