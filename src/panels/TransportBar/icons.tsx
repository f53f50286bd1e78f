/** The transport's glyphs as inline SVG (no icon font: every phone draws them the same). Decorative only. */
export type IconName = 'play' | 'pause' | 'step' | 'back' | 'reset' | 'end' | 'eye' | 'eyeOff'

const PATHS: Record<IconName, string> = {
  play: 'M6 3.5 17 10 6 16.5Z',
  pause: 'M5 4h3.5v12H5ZM11.5 4H15v12h-3.5Z',
  step: 'M4 4h2.5v12H4ZM8.5 4 17 10l-8.5 6Z',
  back: 'M13.5 4v12L5 10ZM16 4v12h-2.5V4Z',
  reset: 'M3 4h2.5v12H3ZM11 4v12l-5-6ZM17 4v12l-6-6Z',
  end: 'M3 4l6 6-6 6ZM9 4l5 6-5 6ZM14.5 4H17v12h-2.5Z',
  eye: 'M10 5C5.5 5 2.5 10 2.5 10s3 5 7.5 5 7.5-5 7.5-5-3-5-7.5-5Zm0 8a3 3 0 1 1 0-6 3 3 0 0 1 0 6Z',
  eyeOff:
    'M3.3 2.3 2.2 3.4l3 3C3.5 7.8 2.5 10 2.5 10s3 5 7.5 5c1.4 0 2.6-.4 3.7-1l2.9 2.9 1.1-1.1ZM10 13a3 3 0 0 1-3-3c0-.5.1-.9.3-1.3l4 4c-.4.2-.8.3-1.3.3Zm0-8c4.5 0 7.5 5 7.5 5s-.8 1.4-2.3 2.7l-2.4-2.4A3 3 0 0 0 9 7.1L7.3 5.4C8.1 5.1 9 5 10 5Z',
}

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="transport-icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  )
}
