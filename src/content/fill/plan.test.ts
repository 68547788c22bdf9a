import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilledLine } from '../../shared/invoice-types';
import type { GridRow } from '../exact/types';
import { FakeInvoicePage } from '../testing/fake-invoice-page';
import { rowFingerprint } from './fingerprint';
import { countWork, type PlannedLine, reconcileFill } from './plan';
import { runFill } from './run';

function planned(lineKey: string, description = `Regel ${lineKey}`, quantityText = '1'): PlannedLine {
  return {
    lineKey,
    position: 1,
    quantityTenThousandths: Math.round(Number(quantityText.replace(',', '.')) * 10_000),
    entryIds: [Number(lineKey.replace(/\D/g, '')) || 1],
    minutes: 60,
    unitPriceCents: 9500,
    amountCents: 9500,
    write: { itemCode: 'UREN', description, quantityText, unitPriceText: '95,00', notes: '' },
  };
}

function row(rowId: string, description: string): GridRow {
  return {
    rowId,
    itemCode: 'UREN',
    description,
    quantityText: '1',
    unitPriceText: '95,00',
    notes: '',
    amountCents: 9500,
  };
}

function stored(lineKey: string, grid: GridRow): FilledLine {
  return {
    lineKey,
    rowId: grid.rowId,
    entryIds: [1],
    itemCode: grid.itemCode,
    description: grid.description,
    quantityText: grid.quantityText,
    unitPriceCents: 9500,
    amountCents: 9500,
    minutes: 60,
    hash: rowFingerprint(grid),
    writtenAt: 0,
  };
}

describe('reconcileFill', () => {
  it('keeps a row whose numbers Exact reformatted, and retypes one whose number changed', () => {
    // Written as "1,5" and "95,00"; Exact shows what it kept as "1,50" and "95".
    const kept = { ...row('grd_r1', 'Regel a'), quantityText: '1,50', unitPriceText: '95' };
    const same = reconcileFill([planned('a', 'Regel a', '1,5')], [stored('a', kept)], [kept], false, 'nl');
    expect(same.steps.map((step) => step.kind)).toEqual(['keep']);
    const more = reconcileFill([planned('a', 'Regel a', '1,75')], [stored('a', kept)], [kept], false, 'nl');
    expect(more.steps).toMatchObject([{ kind: 'write', reason: 'update' }]);
  });

  it('writes every line into new rows on a first fill', () => {
    const plan = reconcileFill([planned('a'), planned('b')], [], [row('grd_r0', 'van iemand')], false, 'nl');
    expect(plan.steps.map((step) => [step.kind, step.kind === 'write' ? step.rowId : null])).toEqual([
      ['write', null],
      ['write', null],
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps an unchanged row, updates a changed line in place and never touches other rows', () => {
    const a = row('grd_r1', 'Regel a');
    const b = row('grd_r2', 'Regel b oud');
    const person = row('grd_r3', 'Van iemand');
    const plan = reconcileFill(
      [planned('a'), planned('b')],
      [stored('a', a), stored('b', b)],
      [a, b, person],
      false,
      'nl',
    );
    expect(plan.steps.map((step) => step.kind)).toEqual(['keep', 'write']);
    expect(plan.steps[1]).toMatchObject({ kind: 'write', rowId: 'grd_r2' });
    expect(JSON.stringify(plan.steps)).not.toContain('grd_r3');
    expect(countWork(plan.steps)).toBe(1);
  });

  it('finds its rows again after Exact renumbered them', () => {
    const a = row('grd_r1', 'Regel a');
    const moved = { ...a, rowId: 'grd_r0' };
    const plan = reconcileFill([planned('a')], [stored('a', a)], [moved], false, 'nl');
    expect(plan.steps).toMatchObject([{ kind: 'keep', row: { rowId: 'grd_r0' } }]);
  });

  it('reports a row a person changed and leaves it and its line alone unless told', () => {
    const a = row('grd_r1', 'Regel a');
    const changed = { ...a, description: 'Regel a, aangepast' };
    const leave = reconcileFill([planned('a')], [stored('a', a)], [changed], false, 'nl');
    expect(leave.conflicts).toMatchObject([{ row: { rowId: 'grd_r1' }, inPlan: true }]);
    expect(leave.steps.map((step) => step.kind)).toEqual(['leave']);

    const overwrite = reconcileFill([planned('a')], [stored('a', a)], [changed], true, 'nl');
    expect(overwrite.steps).toMatchObject([{ kind: 'write', rowId: 'grd_r1', reason: 'overwrite' }]);
  });

  it('reuses rows of lines that left the plan before clearing, and clears the rest', () => {
    const a = row('grd_r1', 'Regel a');
    const b = row('grd_r2', 'Regel b');
    const c = row('grd_r3', 'Regel c');
    const plan = reconcileFill(
      [planned('x')],
      [stored('a', a), stored('b', b), stored('c', c)],
      [a, b, c],
      false,
      'nl',
    );
    expect(plan.steps).toMatchObject([
      { kind: 'write', rowId: 'grd_r1', reason: 'reuse' },
      { kind: 'clear', rowId: 'grd_r2' },
      { kind: 'clear', rowId: 'grd_r3' },
    ]);
  });

  it('writes a line again when its row was deleted in Exact', () => {
    const a = row('grd_r1', 'Regel a');
    const plan = reconcileFill([planned('a')], [stored('a', a)], [], false, 'nl');
    expect(plan.vanished.map((line) => line.lineKey)).toEqual(['a']);
    expect(plan.steps).toMatchObject([{ kind: 'write', rowId: null, reason: 'new' }]);
  });
});

describe('filling again and again', () => {
  const lineKeys = ['p:1', 'p:2', 'p:3', 'p:4', 'p:5'];
  const planArbitrary = fc
    .subarray(lineKeys)
    .chain((keys) =>
      fc.tuple(
        ...keys.map((key) =>
          fc.constantFrom('1', '2,5', '0,3333').map((quantity) => planned(key, `Regel ${key}`, quantity)),
        ),
      ),
    );

  it('leaves the grid holding exactly the plan plus the rows people added, never duplicated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(planArbitrary, fc.boolean()), { minLength: 1, maxLength: 5 }),
        async (rounds) => {
          const page = new FakeInvoicePage();
          let records: FilledLine[] = [];
          const added: string[] = [];
          for (const [lines, personAdds] of rounds) {
            if (personAdds)
              added.push(page.personAdds({ description: `Handmatig ${added.length}`, quantityText: '1' }));
            const plan = reconcileFill(lines, records, page.readRows(), false, 'nl');
            expect(plan.conflicts).toEqual([]);
            const outcome = await runFill(page, plan.steps, new AbortController().signal, () => {}, 'nl');
            expect(outcome.status).toBe('done');
            records = outcome.records;

            const rows = page.readRows();
            const ours = rows.filter((candidate) =>
              records.some((record) => record.rowId === candidate.rowId),
            );
            expect(ours.map((candidate) => candidate.description).sort()).toEqual(
              lines.map((line) => line.write.description).sort(),
            );
            expect(new Set(records.map((record) => record.rowId)).size).toBe(records.length);
            for (const [index, rowId] of added.entries()) {
              expect(rows.find((candidate) => candidate.rowId === rowId)?.description).toBe(
                `Handmatig ${index}`,
              );
            }
            expect(rows).toHaveLength(lines.length + added.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('runFill', () => {
  it('keeps the records of rows it did not reach when cancelled', async () => {
    const page = new FakeInvoicePage();
    const first = reconcileFill([planned('a'), planned('b')], [], [], false, 'nl');
    const done = await runFill(page, first.steps, new AbortController().signal, () => {}, 'nl');
    const next = reconcileFill(
      [planned('a', 'Regel a nieuw'), planned('b', 'Regel b nieuw')],
      done.records,
      page.readRows(),
      false,
      'nl',
    );
    const controller = new AbortController();
    const progress: number[] = [];
    const outcome = await runFill(
      page,
      next.steps,
      controller.signal,
      ({ done: count }) => {
        progress.push(count);
        if (count === 1) controller.abort();
      },
      'nl',
    );
    expect(outcome.status).toBe('cancelled');
    expect(outcome.written).toBe(1);
    expect(progress).toEqual([0, 1]);
    expect(outcome.records.map((record) => record.description)).toEqual(['Regel a nieuw', 'Regel b']);
    expect(outcome.placed).toHaveLength(1);
  });

  it('reports a refused line and does not lose the record of the row it was updating', async () => {
    const page = new FakeInvoicePage();
    const first = await runFill(
      page,
      reconcileFill([planned('a')], [], [], false, 'nl').steps,
      new AbortController().signal,
      () => {},
      'nl',
    );
    page.refuse = () => 'Onbekend artikel';
    const next = reconcileFill([planned('a', 'Anders')], first.records, page.readRows(), false, 'nl');
    const outcome = await runFill(page, next.steps, new AbortController().signal, () => {}, 'nl');
    expect(outcome.status).toBe('failed');
    expect((outcome.error as Error).message).toBe('Onbekend artikel');
    expect(outcome.failedLine?.lineKey).toBe('a');
    expect(outcome.records).toEqual(first.records);
  });

  it('notices when Exact shows a line differently from what was typed', async () => {
    const page = new FakeInvoicePage();
    const original = page.writeLine.bind(page);
    page.writeLine = async (rowId, line, signal) =>
      original(rowId, { ...line, unitPriceText: '90,00' }, signal);
    const outcome = await runFill(
      page,
      reconcileFill([planned('a')], [], [], false, 'nl').steps,
      new AbortController().signal,
      () => {},
      'nl',
    );
    expect(outcome.readBack).toEqual([
      { lineKey: 'a', position: 1, field: 'price', kept: '90,00', expected: '95,00' },
      { lineKey: 'a', position: 1, field: 'amount', kept: '90,00', expected: '95,00' },
    ]);
  });
});
