import type { StateCreator } from 'zustand/vanilla'
import type { AppState } from '../store'

/**
 * The slice tool's draw mode: while on (and the tool is open, `Settings.slice` present), a drag on the 2D map
 * draws the slice line instead of panning the view. Not part of the settings: a link does not carry it.
 */
export interface SliceToolSlice {
  sliceDrawing: boolean
  /** Turns the draw mode on or off (non-booleans are ignored). */
  setSliceDrawing(on: boolean): void
}

export function createSliceToolSlice(): StateCreator<AppState, [], [], SliceToolSlice> {
  return (set, get) => ({
    sliceDrawing: false,
    setSliceDrawing(on) {
      if (typeof on === 'boolean' && on !== get().sliceDrawing) set({ sliceDrawing: on })
    },
  })
}
