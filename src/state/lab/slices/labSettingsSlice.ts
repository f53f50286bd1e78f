import type { StateCreator } from 'zustand/vanilla'
import type { Language } from '../../../i18n/translate'
import type { TrainRunKey } from '../../../worker/protocol'
import { clampToRule } from '../../limits'
import type { UrlNotice } from '../../url/notices'
import { createDefaultLabSettings, LAB_LIMITS, LAB_MODES } from '../labSettings'
import type { CompareSettings, LabMode, LabSettings, NetSettings } from '../labSettings'
import type { LabState } from '../labStore'
import { normalizeCompare, normalizeNet } from '../normalizeNet'
import { sameData, sameSource } from './dataLoader'
import type { DataLoader } from './dataLoader'

/**
 * What a student sets in the lab (plain data, exactly what a lab link carries), the language, and what a
 * link asked for that was ignored. Every edit is validated here: invalid fields are ignored, numbers clamped,
 * and an edit that changes nothing keeps the same `settings` object (so no run restarts and no link is written).
 */
export interface LabSettingsSlice {
  settings: LabSettings
  language: Language
  /** What a link asked for that was ignored (labUrl.ts). */
  notices: UrlNotice[]
  setLanguage(language: Language): void
  setMode(mode: LabMode): void
  /** Edits network 'a' or 'b'; invalid fields are ignored, numbers clamped into range. */
  updateNet(which: TrainRunKey, patch: Partial<NetSettings>): void
  setSeed(seed: number): void
  setCompare(patch: Partial<CompareSettings>): void
  /** Training pace in epochs per second (clamped), or null: as fast as possible. Never restarts a run. */
  setPace(pace: number | null): void
  /** Replaces every setting (a link, the back button); reloads the data when its source changed. */
  setSettings(settings: LabSettings, notices?: UrlNotice[]): void
  dismissNotices(): void
}

export function createLabSettingsSlice(deps: {
  loader: DataLoader
  initialSettings?: LabSettings
  notices?: UrlNotice[]
  language?: Language
}): StateCreator<LabState, [], [], LabSettingsSlice> {
  const { loader } = deps
  return (set, get) => ({
    settings: deps.initialSettings ?? createDefaultLabSettings(),
    language: deps.language ?? 'en',
    notices: deps.notices ?? [],

    setLanguage(language) {
      if ((language === 'en' || language === 'zh') && language !== get().language) set({ language })
    },
    setMode(mode) {
      const { settings } = get()
      if (LAB_MODES.includes(mode) && mode !== settings.mode) set({ settings: { ...settings, mode } })
    },
    updateNet(which, patch) {
      const { settings } = get()
      if (which !== 'a' && which !== 'b') return
      const next = normalizeNet(patch, settings[which])
      if (JSON.stringify(next) !== JSON.stringify(settings[which]))
        set({ settings: { ...settings, [which]: next } })
    },
    setSeed(seed) {
      const { settings } = get()
      const v = clampToRule(LAB_LIMITS.seed, seed)
      if (v !== undefined && v !== settings.seed) set({ settings: { ...settings, seed: v } })
    },
    setCompare(patch) {
      const { settings } = get()
      const compare = normalizeCompare(patch, settings.compare)
      if (JSON.stringify(compare) !== JSON.stringify(settings.compare))
        set({ settings: { ...settings, compare } })
    },
    setPace(pace) {
      const { settings } = get()
      const v = pace === null ? null : clampToRule(LAB_LIMITS.pace, pace)
      if (v !== undefined && v !== settings.pace) set({ settings: { ...settings, pace: v } })
    },
    setSettings(settings, notices) {
      const { data } = get()
      const wanted = settings.data
      // A file without a hash was never kept: keep showing whatever data is loaded. One with a hash comes
      // back from the vault (the loader falls back to dot.csv with a notice when it is not there).
      const keep = wanted.kind === 'file' && (wanted.hash === undefined || sameData(data.source, wanted))
      set({
        settings: keep && data.source !== null ? { ...settings, data: data.source } : settings,
        ...(notices !== undefined && { notices }),
      })
      if (!keep && data.status !== 'idle' && !sameSource(data.source, wanted)) void loader.loadSource(wanted)
    },
    dismissNotices() {
      if (get().notices.length > 0) set({ notices: [] })
    },
  })
}
