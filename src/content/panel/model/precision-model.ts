/**
 * How many decimals of a quantity this division's administration keeps: what the background
 * remembers (set by the bookkeeper, or detected from a fill), Exact's default of 2 before that.
 * Content scripts cannot read storage.local, so every change goes to the worker as `precision.save`.
 */
import { signal } from '@preact/signals';
import { DEFAULT_QUANTITY_PRECISION, type QuantityPrecision } from '../../../core/exact-rules';
import { detectPrecision, type KeptQuantity } from '../../../core/quantity-precision';
import { toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import type { QuantityPrecisionSetting } from '../../../shared/invoice-types';
import { send } from '../../../shared/messages';

export type PrecisionModel = ReturnType<typeof createPrecisionModel>;

export function createPrecisionModel(division: () => number | null) {
  const setting = signal<QuantityPrecisionSetting>({
    division: 0,
    decimals: DEFAULT_QUANTITY_PRECISION,
    source: 'default',
  });
  /** Set when a fill showed another precision than the preview used: the preview follows it. */
  const detectedChange = signal<{ from: QuantityPrecision; to: QuantityPrecision } | null>(null);
  const error = signal<UrenbrugError | null>(null);

  async function save(decimals: QuantityPrecision, source: 'setting' | 'detected'): Promise<void> {
    const current = division();
    const before = setting.value;
    // Show it at once: the preview must use it for the next fill even if storing fails.
    setting.value = { division: current ?? 0, decimals, source };
    if (current === null || current <= 0) return;
    try {
      setting.value = await send('precision.save', { division: current, decimals, source });
      error.value = null;
    } catch (caught) {
      if (source === 'setting') setting.value = before;
      error.value = toUrenbrugError(caught);
    }
  }

  /** The bookkeeper's own choice. */
  async function choose(decimals: QuantityPrecision): Promise<void> {
    detectedChange.value = null;
    await save(decimals, 'setting');
  }

  /** After a fill: remember what Exact's read-back proves, and say so when it changed. */
  async function learn(kept: readonly KeptQuantity[]): Promise<void> {
    const proven = detectPrecision(kept);
    if (proven === null) return;
    const from = setting.value.decimals;
    if (proven === from && setting.value.source === 'detected') return;
    detectedChange.value = proven === from ? null : { from, to: proven };
    await save(proven, 'detected');
  }

  return {
    setting,
    detectedChange,
    error,
    choose,
    learn,
    load(next: QuantityPrecisionSetting) {
      setting.value = next;
    },
  };
}
