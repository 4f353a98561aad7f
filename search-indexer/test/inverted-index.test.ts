import { describe, expect, it } from 'vitest'

import { InvertedIndex } from '../src/engine/inverted-index'

const FIELDS = ['title', 'body'] as const

describe('InvertedIndex', () => {
  it('keeps postings, lengths and the mean length as records come and go; a key added again keeps its id', () => {
    const ix = new InvertedIndex<string>(FIELDS)
    expect(ix.add('a', 'A', { title: ['x', 'y', 'x'], body: ['z'] })).toBe(0)
    expect(ix.add('b', 'B', { title: ['x'] })).toBe(1)
    expect([...(ix.postings('title', 'x') ?? [])]).toEqual([0, 1])
    expect(ix.field('title')).toMatchObject({ lengths: [2, 1], averageLength: 1.5 })
    expect(ix.share('title', 'y')).toBe(0.5)
    expect(() => ix.add('a', 'A2', {})).toThrow(/already/)

    expect(ix.remove('a', { title: ['x', 'y'], body: ['z'] })).toBe(true)
    expect(ix.remove('a', {})).toBe(false)
    expect(ix.count).toBe(1)
    expect(ix.postings('title', 'y')).toBeUndefined()
    expect(ix.postings('body', 'z')).toBeUndefined()
    expect(ix.field('title')?.averageLength).toBe(1)
    expect(ix.get('a')).toBeUndefined()
    expect(ix.idOf('a')).toBeUndefined()

    expect(ix.add('c', 'C', { body: ['z'] })).toBe(2)
    expect(ix.add('a', 'A3', { body: ['z'] })).toBe(0)
    expect([...ix.entries()].map(([key, , id]) => [key, id])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ])
    expect(ix.capacity).toBe(3)
    expect([...ix.idsWhere((r) => r !== 'B')]).toEqual([0, 2])
  })

  it('restores from postings alone (lengths follow) and refuses an id that names no record', () => {
    const ix = InvertedIndex.restore(
      FIELDS,
      [
        ['a', 'A'],
        ['b', 'B'],
      ],
      {
        title: [
          ['x', [0, 1]],
          ['y', [0]],
        ],
      },
    )
    expect(ix.field('title')).toMatchObject({ lengths: [2, 1], averageLength: 1.5 })
    expect(ix.field('body')).toMatchObject({ lengths: [0, 0], averageLength: 0 })
    expect(ix.keyOf(1)).toBe('b')
    expect(() => InvertedIndex.restore(FIELDS, [['a', 'A']], { title: [['x', [0, 1]]] })).toThrow(
      /record 1 of 1/,
    )
    expect(() =>
      InvertedIndex.restore(
        FIELDS,
        [
          ['a', 'A'],
          ['a', 'B'],
        ],
        {},
      ),
    ).toThrow(/twice/)
  })
})
