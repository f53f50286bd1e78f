import { useState } from 'react'
import { messageOf } from '../../state/messageOf'
import { selectData, selectLanguage } from '../../state/lab/labSelectors'
import type { LabStore } from '../../state/lab/labStore'
import { FileDropZone } from '../../ui/FileDropZone'
import { useLab, useLabT } from './labHooks'
import { dataTitle } from './labText'

/** Hands `text` to the browser as a download named `fileName` (a Blob URL, revoked once the click is done). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * What the link carries of the lab's data, and the export file that carries the rest: for a user's file,
 * the link holds only its fingerprint (it works in this browser, where the file is kept), so the panel says
 * so and offers "Export lab" (data + settings in one .lab.json) and its import (picked or dropped here; a
 * refused file shows its reason in the data panel and changes nothing).
 */
export function LabShare({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const lang = useLab(store, selectLanguage)
  const data = useLab(store, selectData)
  const [failed, setFailed] = useState<string | null>(null)
  const source = data.source
  const onExport = async (): Promise<void> => {
    setFailed(null)
    try {
      const out = await store.getState().exportLab()
      if (out !== undefined) download(out.text, out.fileName)
    } catch (error) {
      setFailed(messageOf(error))
    }
  }
  let note: string | null = null
  if (source?.kind === 'file') {
    const name = dataTitle(t, lang, source)
    note =
      source.hash === undefined
        ? t('lab.share.notKept', { name })
        : t('lab.share.fileLink', { name, hash: source.hash.slice(0, 12) })
  } else if (source !== null) note = t('lab.share.linkWhole')

  return (
    <div className="lab-share" data-testid="lab-share">
      <h4>{t('lab.share.title')}</h4>
      {note !== null && (
        <p className="lab-share-note" data-testid="lab-link-note">
          {note}
        </p>
      )}
      <p className="lab-share-export">
        <button
          type="button"
          disabled={data.dataset === null}
          onClick={() => void onExport()}
          data-testid="lab-export"
        >
          {t('lab.share.export')}
        </button>{' '}
        <span className="ui-control-help">{t('lab.share.exportHint')}</span>
      </p>
      {failed !== null && (
        <p className="lab-problem" role="alert">
          {t('lab.share.exportFailed', { message: failed })}
        </p>
      )}
      <FileDropZone
        buttonLabel={t('lab.share.import')}
        hint={t('lab.share.importHint')}
        accept=".json,application/json"
        onFile={(file) => void store.getState().openFile(file)}
        testId="lab-import"
      />
    </div>
  )
}
