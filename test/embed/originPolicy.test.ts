import { describe, expect, it } from 'vitest'
import {
  acceptsCommand,
  answersErrors,
  eventTargetOrigin,
  replyTargetOrigin,
} from '../../src/embed/originPolicy'

const self = { name: 'frame' }
const parent = { name: 'host' }
const other = { name: 'ad frame' }
const open = { allowed: undefined, self, parent }
const locked = { allowed: 'https://notes.example.edu', self, parent }

describe('acceptsCommand', () => {
  it('without an allowed origin, only the parent window may command, whatever its origin', () => {
    expect(acceptsCommand(open, { origin: 'https://anything.example', source: parent })).toBe(true)
    expect(acceptsCommand(open, { origin: 'null', source: parent })).toBe(true)
    expect(acceptsCommand(open, { origin: 'https://anything.example', source: other })).toBe(false)
    expect(acceptsCommand(open, { origin: 'https://anything.example', source: self })).toBe(false)
    expect(acceptsCommand(open, { origin: 'https://anything.example', source: null })).toBe(false)
  })

  it('an unframed page (parent is the window itself) accepts nobody without an allowed origin', () => {
    const top = { allowed: undefined, self, parent: self }
    expect(acceptsCommand(top, { origin: 'https://a.example', source: self })).toBe(false)
    expect(acceptsCommand(top, { origin: 'https://a.example', source: other })).toBe(false)
  })

  it('with an allowed origin, exactly that origin may command, from any of its windows but never the frame itself', () => {
    expect(acceptsCommand(locked, { origin: 'https://notes.example.edu', source: parent })).toBe(true)
    expect(acceptsCommand(locked, { origin: 'https://notes.example.edu', source: other })).toBe(true)
    expect(acceptsCommand(locked, { origin: 'https://notes.example.edu', source: self })).toBe(false)
    for (const origin of [
      'https://notes.example.edu.evil.example',
      'http://notes.example.edu',
      'https://notes.example.edu:444',
      'https://NOTES.example.edu',
      'null',
      '*',
      '',
    ])
      expect(acceptsCommand(locked, { origin, source: parent }), origin).toBe(false)
  })
})

describe('answersErrors, eventTargetOrigin, replyTargetOrigin', () => {
  it('errors are answered only to the allowed origin, never without one', () => {
    expect(answersErrors(locked, { origin: 'https://notes.example.edu', source: parent })).toBe(true)
    expect(answersErrors(locked, { origin: 'https://other.example', source: parent })).toBe(false)
    expect(answersErrors(open, { origin: 'https://notes.example.edu', source: parent })).toBe(false)
  })

  it('events go to the allowed origin, else to "*"; replies to the sender\'s own origin ("*" only for "null")', () => {
    expect(eventTargetOrigin(locked)).toBe('https://notes.example.edu')
    expect(eventTargetOrigin(open)).toBe('*')
    expect(replyTargetOrigin({ origin: 'https://a.example', source: parent })).toBe('https://a.example')
    expect(replyTargetOrigin({ origin: 'null', source: parent })).toBe('*')
  })
})
