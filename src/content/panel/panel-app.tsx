import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { ReadOnlyNotice } from '../../ui/read-only-notice';
import type { PanelModel } from './model/panel-model';
import { AssociateSection } from './sections/associate-section';
import { ClientSection } from './sections/client-section';
import { EntriesSection } from './sections/entries-section';
import { ErrorNotice } from './sections/error-notice';
import { FillSection } from './sections/fill-section';
import { LineOptionsSection } from './sections/line-options-section';
import { PanelWarning } from './sections/panel-warning';
import { PeriodSection } from './sections/period-section';
import { PreviewSection } from './sections/preview-section';
import { RestSection } from './sections/rest-section';
import { ScreenCheck, ScreenCosts } from './sections/screen-check-section';
import { trustedAction } from './sections/trusted-action';

const COLLAPSED_KEY = 'urenbrug.panelCollapsed';

function readCollapsed(storage: Storage | null): boolean {
  try {
    return storage?.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

function writeCollapsed(storage: Storage | null, collapsed: boolean): void {
  try {
    storage?.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
  } catch {
    // Only a convenience: the panel opens expanded next time.
  }
}

interface Props {
  model: PanelModel;
  storage: Storage | null;
}

/** The side panel: a fixed column on the right that collapses to a tab so Exact's grid stays reachable. */
export function PanelApp({ model, storage }: Props) {
  const [collapsed, setCollapsed] = useState(() => readCollapsed(storage));
  const toggle = (next: boolean) => {
    setCollapsed(next);
    writeCollapsed(storage, next);
  };

  if (collapsed) {
    return (
      <button
        type="button"
        class="urenbrug-tab"
        data-testid="panel-expand"
        onClick={trustedAction(() => toggle(false))}
      >
        {t('panel_title')}
      </button>
    );
  }

  const problem = model.guard.problem.value;
  const contextError = model.contextError.value;
  const backgroundError = model.backgroundError.value;
  return (
    <aside
      class="urenbrug-panel"
      aria-label={t('panel_title')}
      // Exact has no event for "customer changed"; coming back to the panel is when it matters.
      onPointerEnter={() => model.rereadScreen(false)}
      onFocusIn={() => model.rereadScreen(false)}
    >
      <header class="panel-head">
        <h1>{t('panel_title')}</h1>
        <button
          type="button"
          class="icon-button"
          aria-label={t('panel_collapse')}
          title={t('panel_collapse')}
          data-testid="panel-collapse"
          onClick={trustedAction(() => toggle(true))}
        >
          ›
        </button>
      </header>
      <div class="panel-body">
        <ReadOnlyNotice variant="line" />
        {problem !== null ? (
          <PanelWarning anchor={problem}>
            <ScreenCheck model={model.screenCheck} />
          </PanelWarning>
        ) : (
          <ScreenCosts model={model.screenCheck} />
        )}
        {contextError && <ErrorNotice error={contextError} testId="context-error" />}
        {backgroundError && <ErrorNotice error={backgroundError} testId="background-error" />}
        {model.staleReloaded.value && (
          <div class="notice warning" role="alert" data-testid="revision-conflict">
            <p>{t('panel_revision_conflict')}</p>
          </div>
        )}
        {model.phase.value === 'loading' ? (
          <p class="muted" data-testid="panel-loading">
            {t('loading')}
          </p>
        ) : (
          <>
            <ClientSection model={model} />
            <AssociateSection model={model} />
            <PeriodSection model={model} />
            <EntriesSection model={model} />
            <LineOptionsSection model={model} />
            <PreviewSection model={model} />
            <FillSection model={model} />
            <RestSection model={model} />
            {problem === null && <ScreenCheck model={model.screenCheck} />}
          </>
        )}
      </div>
    </aside>
  );
}
