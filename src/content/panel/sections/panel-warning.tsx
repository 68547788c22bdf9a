import type { ComponentChildren } from 'preact';
import { t } from '../../../shared/i18n';

/** Degraded mode: the page module could not find what it expects; the screen check goes with it. */
export function PanelWarning({ anchor, children }: { anchor: string; children?: ComponentChildren }) {
  return (
    <div class="notice warning" role="alert" data-testid="panel-warning">
      <p>{t('panel_screen_changed')}</p>
      {anchor !== '' && <p class="hint">{t('panel_screen_changed_detail', anchor)}</p>}
      {children}
    </div>
  );
}
