/**
 * How many of Exact's shared REST calls (60 a minute, 5,000 a day per company) the panel spends
 * per invoice: the item check before a fill and the read-back after a save, for invoices of a
 * few and of many lines (docs/architecture.md, Exact's REST API beside the DOM). Counted against
 * the Exact sandbox's REST fake, which counts as Exact does.
 */
import { addSavedInvoice } from '../../sandbox/exact/testing/fixtures';
import { invoiceAmountsByNumber } from '../../src/content/exact/rest/invoice-amounts';
import { readInvoiceBack } from '../../src/content/exact/rest/invoice-read';
import { unknownItemCodes } from '../../src/content/exact/rest/item-codes';
import { startRestSandbox } from '../../src/content/testing/rest-sandbox';
import { report } from './report';

export async function benchExactRest(): Promise<void> {
  const sandbox = await startRestSandbox();
  try {
    for (const [lineCount, distinctCodes] of [
      [5, 1],
      [30, 3],
      [130, 45],
    ] as const) {
      await sandbox.reset();
      sandbox.exact.rest.limiter.config.minutely = 10_000;
      const number = 20260000 + lineCount;
      addSavedInvoice(sandbox.exact.state, {
        entryId: `00000000-0000-4000-8000-${String(lineCount).padStart(12, '0')}`,
        customerName: 'Gemeente Utrecht',
        invoiceNumber: number,
        lines: Array.from({ length: lineCount }, (_, index) => ({
          itemCode: 'UREN',
          description: `Line ${index + 1}`,
          quantity: 1,
          unitPriceCents: 9500,
        })),
      });
      const codes = Array.from({ length: lineCount }, (_, index) => `CODE-${index % distinctCodes}`);
      const check = sandbox.client();
      const started = performance.now();
      await unknownItemCodes(check, codes);
      const checkMs = performance.now() - started;
      const read = sandbox.client();
      const readStarted = performance.now();
      await readInvoiceBack(read, number);
      const readMs = performance.now() - readStarted;
      report('exact-rest-calls', {
        lines: lineCount,
        distinctItemCodes: distinctCodes,
        itemCheckCalls: check.calls(),
        readBackCalls: read.calls(),
        itemCheckMs: Math.round(checkMs),
        readBackMs: Math.round(readMs),
      });
    }
    await sandbox.reset();
    const amounts = sandbox.client();
    await invoiceAmountsByNumber(
      amounts,
      Array.from({ length: 200 }, (_, index) => 20260001 + index),
    );
    report('exact-rest-amounts-by-number', { invoiceNumbers: 200, calls: amounts.calls() });
  } finally {
    await sandbox.close();
  }
}
