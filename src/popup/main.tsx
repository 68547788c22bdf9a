import { effect } from '@preact/signals';
import { render } from 'preact';
import { language, t } from '../shared/i18n';
import { PopupApp } from './popup-app';
import './popup.css';

effect(() => {
  document.documentElement.lang = language.value;
  document.title = t('today_title');
});

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
render(<PopupApp />, root);
