import './StatusNotice.css'

export interface StatusNoticeProps {
  /** The already-translated message. */
  text: string
  /** 'error': announced at once (role="alert"); 'progress' and 'info': politely (role="status"). */
  tone: 'error' | 'progress' | 'info'
  /** With a label: a button that starts the action again (e.g. "Retry"). */
  retry?: { label: string; onClick(): void }
  /** With a label: a button that hides the notice. */
  dismiss?: { label: string; onClick(): void }
  testId?: string
}

/** A one-box message about something that went wrong (or was put right), with optional Retry and Dismiss. */
export function StatusNotice({ text, tone, retry, dismiss, testId }: StatusNoticeProps) {
  return (
    <div
      className={`ui-status-notice ui-status-notice-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-tone={tone}
    >
      <p>{text}</p>
      {(retry !== undefined || dismiss !== undefined) && (
        <div className="ui-status-notice-actions">
          {retry !== undefined && (
            <button type="button" onClick={retry.onClick} data-testid={testId && `${testId}-retry`}>
              {retry.label}
            </button>
          )}
          {dismiss !== undefined && (
            <button type="button" onClick={dismiss.onClick} data-testid={testId && `${testId}-dismiss`}>
              {dismiss.label}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
