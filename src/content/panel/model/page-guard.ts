/**
 * The panel's only door to Exact's page. A ScreenChangedError from any call switches the panel
 * to degraded mode (selection and preview keep working, lines are offered as text) instead of
 * reaching the host page; other errors are the caller's to report.
 */
import { signal } from '@preact/signals';
import { type ExactInvoicePage, ScreenChangedError } from '../../exact/types';

export function isScreenChanged(error: unknown): error is ScreenChangedError {
  return (
    error instanceof ScreenChangedError || (error instanceof Error && error.name === 'ScreenChangedError')
  );
}

export type PageGuard = ReturnType<typeof createPageGuard>;

export function createPageGuard(page: ExactInvoicePage | null, screenProblem: string | null) {
  /** Why the page cannot be used (the missing anchor), or null while it works. */
  const problem = signal<string | null>(screenProblem ?? (page === null ? '' : null));

  function degrade(error: ScreenChangedError): void {
    problem.value = error.anchor;
  }

  /** Runs a synchronous page call; null when the page is gone or changed. */
  function read<T>(call: (page: ExactInvoicePage) => T): T | null {
    if (page === null || problem.value !== null) return null;
    try {
      return call(page);
    } catch (error) {
      if (isScreenChanged(error)) {
        degrade(error);
        return null;
      }
      throw error;
    }
  }

  /**
   * Reads the invoice's header even on a screen whose grid changed: the customer and number are
   * optional anchors (docs/architecture.md, Anchor tiers) and still name the Keeping client.
   */
  function readHeader<T>(call: (page: ExactInvoicePage) => T): T | null {
    if (page === null) return null;
    try {
      return call(page);
    } catch (error) {
      if (isScreenChanged(error)) return null;
      throw error;
    }
  }

  /** The page while it is usable, for async work that handles ScreenChangedError itself. */
  function usable(): ExactInvoicePage | null {
    return problem.value === null ? page : null;
  }

  return { problem, read, readHeader, usable, degrade };
}
