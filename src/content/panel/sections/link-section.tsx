import { t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';
import { ErrorNotice } from './error-notice';
import { trustedAction } from './trusted-action';
import { WriteBackBox } from './write-back-box';

/** One-click association for a saved invoice: link the selected entries, or undo the links. */
export function LinkSection({ model }: { model: PanelModel }) {
  const { link } = model;
  if (!model.ref.value?.invoiceId) return null;
  const linked = model.record.value?.linkedEntryIds ?? [];
  const selected = model.selected.value;
  return (
    <div class="link-box">
      <button
        type="button"
        class="button"
        data-testid="link-button"
        disabled={link.busy.value || selected.length === 0 || model.actionsWait.value}
        onClick={trustedAction(() => void link.link(selected.map((entry) => entry.id)))}
      >
        {t('panel_link')}
      </button>
      <p class="muted small">{t('panel_link_hint')}</p>
      {linked.length > 0 && (
        <p class="row small" data-testid="linked-count">
          <span>{t('panel_linked_count', linked.length)}</span>
          <button
            type="button"
            class="link"
            data-testid="unlink-all"
            disabled={link.busy.value}
            onClick={trustedAction(() => void link.unlink(linked))}
          >
            {t('panel_unlink_all')}
          </button>
        </p>
      )}
      <WriteBackBox model={model} />
      {link.error.value && <ErrorNotice error={link.error.value} />}
    </div>
  );
}
