import type { Settings } from '../settings'
import { validSliceLine } from '../sliceTool'
import type { SliceLine } from '../sliceTool'
import { formatNumber, parseNumberList } from './tokens'
import type { UrlContext } from './urlContext'
import { urlProp } from './urlSchema'
import type { UrlProp } from './urlSchema'

/**
 * The row of `slice` (Settings.slice): the slice tool's line as `x0,y0,x1,y1`, present while the tool is open;
 * left out when it is closed. Anything but four coordinates within the limits, with distinct end points, is
 * ignored with a notice.
 */
export const SLICE_URL_PROP: UrlProp<Settings, UrlContext> = urlProp<
  Settings,
  SliceLine | undefined,
  UrlContext
>({
  key: 'slice',
  maxLength: 200,
  get: (s) => s.slice,
  set: (d, v) => {
    if (v === undefined) delete d.slice
    else d.slice = v
  },
  format: (v) => (v === undefined ? undefined : [...v.from, ...v.to].map(formatNumber).join(',')),
  parse: (raw) => {
    const v = parseNumberList(raw, 4)
    return v && validSliceLine({ from: [v[0], v[1]], to: [v[2], v[3]] })
  },
  fallback: () => undefined,
})
