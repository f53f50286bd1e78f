import { useEffect } from 'react'
import { selectLanguage } from '../state/selectors'
import { useApp } from '../state/useApp'

/** `<html lang>` follows the app's language (zh-CN or en), so screen readers read Chinese with Chinese rules. */
export function useDocumentLang(): void {
  const language = useApp(selectLanguage)
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'
  }, [language])
}
