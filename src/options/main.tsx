import { effect } from '@preact/signals';
import { render } from 'preact';
import { language, t } from '../shared/i18n';
import { OptionsApp } from './options-app';
import './options.css';

effect(() => {
  document.documentElement.lang = language.value;
  document.title = t('options_title');
});

const root = document.getElementById('app');
if (!root) throw new Error('options: #app is missing from index.html');
render(<OptionsApp />, root);
