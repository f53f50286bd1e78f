import { useRef, useState } from 'react'
import type { DragEvent, ReactNode } from 'react'
import './controls.css'

export interface FileDropZoneProps {
  /** Text of the button that opens the file picker. */
  buttonLabel: string
  /** Text beside it, inviting a drop. */
  hint: ReactNode
  /** The picker's filter, e.g. '.csv,text/csv'. */
  accept?: string
  /** Called with the first file picked or dropped. */
  onFile(file: File): void
  disabled?: boolean
  testId?: string
}

/**
 * A file picker that is also a drop target: a button opens the system picker (the only way on a phone), and
 * a file dragged over the zone highlights it. Only the `File` object is handed on; reading it is the
 * caller's business (e.g. `file.text()`, which never blocks the page).
 */
export function FileDropZone(props: FileDropZoneProps) {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const take = (files: FileList | null | undefined): void => {
    const file = files?.[0]
    if (file !== undefined && !props.disabled) props.onFile(file)
  }
  const onDragOver = (e: DragEvent<HTMLDivElement>): void => {
    if (props.disabled || !Array.from(e.dataTransfer?.types ?? []).includes('Files')) return
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    setOver(true)
  }
  return (
    <div
      className={`ui-drop-zone${over ? ' ui-drop-zone-over' : ''}`}
      data-testid={props.testId}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        take(e.dataTransfer?.files)
      }}
    >
      <button type="button" disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.buttonLabel}
      </button>
      <span className="ui-control-help">{props.hint}</span>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          take(e.target.files)
          // Picking the same file again must fire a change too.
          e.target.value = ''
        }}
      />
    </div>
  )
}
