import { t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';
import { ErrorNotice } from './error-notice';
import { trustedAction } from './trusted-action';

/** Step 1: the Exact customer and the Keeping client it is (suggested, confirmed, remembered). */
export function ClientSection({ model }: { model: PanelModel }) {
  const { client } = model;
  const customer = model.screen.value?.customer ?? null;
  const suggestion = client.suggestion.value;
  const awaiting = client.awaitingConfirmation.value;
  const chosen = client.chosen.value;
  const shown = client.shown.value;

  return (
    <section class="step" aria-labelledby="urenbrug-step-customer">
      <h2 id="urenbrug-step-customer">{t('panel_step_customer')}</h2>
      {customer ? (
        <p class="row" data-testid="exact-customer">
          <span>{t('panel_exact_customer', `${customer.name.trim()} (${customer.code.trim()})`)}</span>
          <button type="button" class="link" onClick={trustedAction(() => model.rereadScreen())}>
            {t('panel_reread_customer')}
          </button>
        </p>
      ) : (
        <p class="muted">{t('panel_no_customer')}</p>
      )}
      <label class="field">
        <span>{t('panel_keeping_client')}</span>
        <select
          data-testid="client-select"
          value={shown === null ? '' : String(shown)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            void client.choose(value === '' ? null : Number(value));
          }}
        >
          <option value="">{t('panel_choose_client')}</option>
          {client.options.value.map((option) => (
            <option key={option.id} value={String(option.id)}>
              {option.state === 'active' ? option.name : t('panel_client_inactive', option.name)}
            </option>
          ))}
        </select>
      </label>
      {awaiting && suggestion && (
        <div class="suggestion" data-testid="client-suggestion">
          <span>{t(suggestion.reason === 'code' ? 'panel_suggested_code' : 'panel_suggested_name')}</span>
          <button
            type="button"
            class="button primary small"
            data-testid="client-confirm"
            onClick={trustedAction(() => void client.choose(suggestion.client.id))}
          >
            {t('panel_confirm_client')}
          </button>
        </div>
      )}
      {customer && chosen === null && !suggestion && <p class="muted">{t('panel_no_suggestion')}</p>}
      {chosen !== null && client.mapping.value?.keepingClientId === chosen && (
        <p class="muted small" data-testid="client-remembered">
          {t('panel_mapping_remembered')}
        </p>
      )}
      {chosen !== null && model.clientProjects.value.length === 0 && model.context.value && (
        <p class="muted">{t('panel_no_projects')}</p>
      )}
      {client.error.value && <ErrorNotice error={client.error.value} />}
    </section>
  );
}
