import { useState } from 'preact/hooks';
import { errorText, t } from '../shared/i18n';
import type { OptionsModel } from './options-model';

export function TokenForm({ model }: { model: OptionsModel }) {
  const [shown, setShown] = useState(false);
  const testing = model.busy.value === 'testing';
  const error = model.error.value;
  return (
    <form
      class="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        void model.testConnection();
      }}
    >
      <label for="token">{t('token_label')}</label>
      <div class="row">
        <input
          id="token"
          class="input"
          type={shown ? 'text' : 'password'}
          value={model.token.value}
          onInput={(event) => model.setToken(event.currentTarget.value)}
          placeholder={t('token_placeholder')}
          autocomplete="off"
          spellcheck={false}
          data-testid="token-input"
        />
        <button
          type="button"
          class="button"
          onClick={() => setShown(!shown)}
          aria-pressed={shown}
          data-testid="token-toggle"
        >
          {shown ? t('token_hide') : t('token_show')}
        </button>
      </div>
      <div class="row">
        <button
          type="submit"
          class="button primary"
          disabled={model.busy.value !== null}
          data-testid="connect-button"
        >
          {testing ? t('testing') : t('test_connection')}
        </button>
      </div>
      {model.hint.value && (
        <p class="message error" data-testid="error-message">
          {t(model.hint.value)}
        </p>
      )}
      {error && (
        <p class="message error" role="alert" data-testid="error-message">
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
