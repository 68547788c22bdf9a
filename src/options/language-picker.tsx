import { errorText, t } from '../shared/i18n';
import type { Language } from '../shared/messages';
import type { OptionsModel } from './options-model';

function parse(value: string): Language | null {
  return value === 'nl' || value === 'en' ? value : null;
}

export function LanguagePicker({ model }: { model: OptionsModel }) {
  const error = model.languageError.value;
  return (
    <section class="card">
      <h2>{t('section_language')}</h2>
      <label for="language">{t('language_label')}</label>
      <select
        id="language"
        class="input"
        value={model.languagePreference.value ?? 'auto'}
        onChange={(event) => void model.setLanguage(parse(event.currentTarget.value))}
        data-testid="language-select"
      >
        <option value="auto">{t('language_auto')}</option>
        <option value="nl">{t('language_nl')}</option>
        <option value="en">{t('language_en')}</option>
      </select>
      {error && (
        <p class="message error" role="alert">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
