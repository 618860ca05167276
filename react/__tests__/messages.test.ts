import { parse } from 'intl-messageformat-parser'

import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'
import context from '../../messages/context.json'
import navigation from '../../admin/navigation.json'
import * as shared from '../admin/shared/messages'
import productChanges from '../admin/shared/productChangeMessages'
import overview from '../admin/overview/messages'
import * as attention from '../admin/overview/attentionMessages'
import trends from '../admin/overview/trendMessages'
import exposures from '../admin/exposures/messages'
import exposureFilters from '../admin/exposures/filterMessages'
import exposureMatching from '../admin/exposures/matchingMessages'
import override from '../admin/override/messages'
import * as skuDetail from '../admin/skuDetail/messages'
import * as skuDetailTrace from '../admin/skuDetail/traceMessages'
import settings from '../admin/settings/messages'
import feedKeys from '../admin/settings/keyMessages'
import stockBuffers from '../admin/settings/bufferMessages'
import alertEmails from '../admin/settings/alertMessages'
import * as reconciliation from '../admin/reconciliation/messages'
import * as runDetail from '../admin/runDetail/messages'

type Descriptor = { id: string; defaultMessage: string }
type Catalog = Record<string, string>

const groups: Array<Record<string, Descriptor>> = [
  ...Object.values(shared),
  productChanges,
  overview,
  ...Object.values(attention),
  trends,
  exposures,
  exposureFilters,
  exposureMatching,
  override,
  ...Object.values(skuDetail),
  ...Object.values(skuDetailTrace),
  settings,
  feedKeys,
  stockBuffers,
  alertEmails,
  ...Object.values(reconciliation),
  ...Object.values(runDetail),
]

const declared = groups.flatMap((group) => Object.values(group))
const ids = declared.map((d) => d.id)

type Element = {
  type: number
  value?: string
  options?: Record<string, { value: Element[] }>
}

// ICU argument names, from react-intl's own parser (select/plural branches included); throws on bad syntax.
function args(text: string): string[] {
  const names = new Set<string>()
  const walk = (elements: Element[]) =>
    elements.forEach((e) => {
      if (e.type !== 0 && e.type !== 7 && e.value) names.add(e.value)
      Object.values(e.options ?? {}).forEach((option) => walk(option.value))
    })

  walk(parse(text) as Element[])

  return Array.from(names).sort((a, b) => a.localeCompare(b))
}

describe('given the messages declared with defineMessages', () => {
  it('should use one id once, under admin/marketplace-stock-gate.<feature>.<element>', () => {
    expect(new Set(ids).size).toBe(ids.length)
    ids.forEach((id) =>
      expect(id).toMatch(
        /^admin\/marketplace-stock-gate\.[a-z-]+\.[A-Za-z0-9_.-]+$/
      )
    )
  })

  it('should have en.json equal to the English defaults', () => {
    expect(en).toEqual(
      Object.fromEntries(declared.map((d) => [d.id, d.defaultMessage]))
    )
  })

  it.each([
    ['pt', pt as Catalog],
    ['es', es as Catalog],
    ['context', context as Catalog],
  ])(
    'should give %s.json exactly the same ids, none empty',
    (_name, catalog) => {
      const byId = (a: string, b: string) => a.localeCompare(b)

      expect(Object.keys(catalog).sort(byId)).toEqual([...ids].sort(byId))
      Object.values(catalog).forEach((text) => expect(text.trim()).not.toBe(''))
    }
  )

  it.each([
    ['pt', pt as Catalog],
    ['es', es as Catalog],
  ])(
    'should keep the ICU arguments of every %s translation',
    (_name, catalog) => {
      declared.forEach((d) =>
        expect([d.id, args(catalog[d.id])]).toEqual([
          d.id,
          args(d.defaultMessage),
        ])
      )
    }
  )

  it('should declare the labels admin/navigation.json uses', () => {
    const used = [
      navigation.titleId,
      ...navigation.subSectionItems.map((i) => i.labelId),
    ]

    used.forEach((id) => expect(ids).toContain(id))
  })
})
