import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { ConnectionStatus } from '../shared/messages';
import type { OptionsModel } from './options-model';

function statusText(status: ConnectionStatus | null, checking: boolean): string {
  if (checking) return t('status_checking');
  if (status === null) return t('status_unknown');
  if (!status.connected) return t('status_not_connected');
  const organisation = status.organisationName ?? String(status.organisationId ?? '');
  return status.userName
    ? t('status_connected', status.userName, organisation)
    : t('status_connected_org', organisation);
}

/** Who we are connected as (never the token), with the ways to change or end that. */
export function ConnectionStatusView({ model }: { model: OptionsModel }) {
  const [confirming, setConfirming] = useState(false);
  const status = model.status.value;
  const connected = status?.connected === true;
  const busy = model.busy.value !== null;
  return (
    <div class="status-block">
      <p class={connected ? 'status-line connected' : 'status-line'} data-testid="connection-status">
        <span class={connected ? 'dot on' : 'dot'} aria-hidden="true" />
        {statusText(status, model.checking.value)}
      </p>
      {model.notice.value && <p class="notice">{t(model.notice.value)}</p>}
      {connected && !confirming && (
        <div class="row">
          {!model.editing.value && (
            <button type="button" class="button" onClick={() => (model.editing.value = true)} disabled={busy}>
              {t('reconnect')}
            </button>
          )}
          <button
            type="button"
            class="button danger"
            onClick={() => setConfirming(true)}
            disabled={busy}
            data-testid="disconnect-button"
          >
            {t('disconnect')}
          </button>
        </div>
      )}
      {connected && confirming && (
        <div class="confirm" role="alertdialog" data-testid="disconnect-confirm">
          <p>{t('disconnect_confirm')}</p>
          <div class="row">
            <button
              type="button"
              class="button danger"
              disabled={busy}
              data-testid="disconnect-yes"
              onClick={async () => {
                await model.disconnect();
                setConfirming(false);
              }}
            >
              {t('disconnect_yes')}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
