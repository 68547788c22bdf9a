import { describe, expect, it } from 'vitest';
import { NameOrder } from './name-order';

const order = new NameOrder({
  projects: new Map([
    [1, 'Zeilschool'],
    [2, 'ámsterdam'],
    [3, 'Fase 10'],
    [4, 'Fase 2'],
    [5, 'Fase 2'],
  ]),
});

describe('NameOrder', () => {
  it('orders by Dutch collation, numbers by value, equal names by id', () => {
    const ids = [1, 2, 3, 4, 5].sort((a, b) => order.rank('project', a) - order.rank('project', b));
    expect(ids).toEqual([2, 4, 5, 3, 1]);
  });

  it('puts unknown ids after known names, by id, and none last', () => {
    expect(order.rank('project', 1)).toBeLessThan(order.rank('project', 50));
    expect(order.rank('project', 50)).toBeLessThan(order.rank('project', 60));
    expect(order.rank('project', 60)).toBeLessThan(order.rank('project', null));
    expect(order.rank('task', 1)).toBeLessThan(order.rank('task', null));
  });

  it('names missing ids "#id" and none ""', () => {
    expect(order.name('project', 1)).toBe('Zeilschool');
    expect(order.name('project', 99)).toBe('#99');
    expect(order.name('person', 7)).toBe('#7');
    expect(order.name('task', null)).toBe('');
  });

  it('returns refs in rank order and reuses them', () => {
    const refs = order.refs('project', [1, null, 3]);
    expect(refs).toEqual([
      { id: 3, name: 'Fase 10' },
      { id: 1, name: 'Zeilschool' },
      { id: null, name: '' },
    ]);
    expect(order.refs('project', [1])[0]).toBe(refs[1]);
  });
});
