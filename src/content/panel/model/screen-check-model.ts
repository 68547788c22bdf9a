/**
 * What the screen check found (docs/architecture.md, Anchor tiers): every anchor, and the optional
 * ones whose absence costs something, each stated once in the panel. Read again when the panel
 * rereads the screen; works without a usable page (degraded mode) as long as the inspector exists.
 */
import { computed, signal } from '@preact/signals';
import type { AnchorCheck, ScreenInspector } from '../../exact/types';

export type ScreenCheckModel = ReturnType<typeof createScreenCheckModel>;

export function createScreenCheckModel(inspector: ScreenInspector | null) {
  const checks = signal<readonly AnchorCheck[]>([]);
  const open = signal(false);
  const failure = signal<string | null>(null);

  function refresh(): void {
    if (inspector === null) return;
    try {
      checks.value = inspector.check();
      failure.value = null;
    } catch (error) {
      // The check only reads; a screen it cannot read is itself the answer to show.
      failure.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** Optional anchors that are missing and whose absence the panel states in one line each. */
  const costs = computed(() =>
    checks.value.filter((check) => !check.required && !check.found && check.costly),
  );

  function toggle(): void {
    open.value = !open.value;
    if (open.value) refresh();
  }

  function skeleton(): string | null {
    return inspector === null ? null : inspector.skeleton();
  }

  return { available: inspector !== null, checks, costs, open, failure, refresh, toggle, skeleton };
}
