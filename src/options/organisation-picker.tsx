import { userDisplayName } from '../core/keeping-types';
import { t } from '../shared/i18n';
import type { ConnectionTestResult } from '../shared/messages';
import type { OptionsModel } from './options-model';

/** After a successful test: whose token it is, which organisation to connect, and "Verbinden". */
export function OrganisationPicker({ model, result }: { model: OptionsModel; result: ConnectionTestResult }) {
  const chosen = model.organisationId.value;
  const saving = model.busy.value === 'saving';
  return (
    <div class="picker" data-testid="test-result">
      <p class="message ok">{t('test_ok', userDisplayName(result.user))}</p>
      {result.organisations.length === 0 ? (
        <p class="message error">{t('no_organisations')}</p>
      ) : (
        <>
          <label for="organisation">{t('organisation_label')}</label>
          <select
            id="organisation"
            class="input"
            value={chosen === null ? '' : String(chosen)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              model.organisationId.value = value === '' ? null : Number(value);
            }}
            data-testid="organisation-select"
          >
            <option value="">{t('organisation_choose')}</option>
            {result.organisations.map((organisation) => (
              <option key={organisation.id} value={String(organisation.id)}>
                {organisation.name}
              </option>
            ))}
          </select>
          <div class="row">
            <button
              type="button"
              class="button primary"
              disabled={chosen === null || model.busy.value !== null}
              onClick={() => void model.save()}
              data-testid="save-button"
            >
              {saving ? t('connecting') : t('connect')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
