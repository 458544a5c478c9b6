import { describe, expect, it } from 'vitest'
import { storyLanguages } from './story.js'

describe('story page: languages', () => {
  it('story page: names the languages of a story in more than one, or in one that is not English', () => {
    expect(storyLanguages({ languages: ['ru', 'en'] })).toBe(' · in Russian, English')
    expect(storyLanguages({ languages: ['de'] })).toBe(' · in German')
  })

  it('story page: says nothing for an English story, or one stored before languages were kept', () => {
    expect(storyLanguages({ languages: ['en'] })).toBe('')
    expect(storyLanguages({})).toBe('')
  })
})
