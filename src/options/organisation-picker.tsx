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
          <SwitchQuestion model={model} />
        </>
      )}
    </div>
  );
}

/**
 * Another organisation's invoice records and marks are here and would go with the switch: say
 * how many, offer their back-up first, and switch only on an explicit second click.
 */
function SwitchQuestion({ model }: { model: OptionsModel }) {
  const work = model.switchWork.value;
  if (!work) return null;
  return (
    <div class="message warning" role="alertdialog" data-testid="organisation-switch">
      <p>{t('options_switch_question', work.invoices, work.marks)}</p>
      <div class="row">
        <button
          type="button"
          class="button"
          data-testid="organisation-switch-backup"
          onClick={() => void model.downloadOtherWork()}
        >
          {model.backedUp.value ? t('options_switch_backed_up') : t('options_switch_backup')}
        </button>
        <button
          type="button"
          class="button danger"
          data-testid="organisation-switch-confirm"
          disabled={model.busy.value !== null}
          onClick={() => void model.save(true)}
        >
          {t('options_switch_confirm')}
        </button>
      </div>
    </div>
  );
}
