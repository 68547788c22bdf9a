import { useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';

/** The lines as text in a read-only box, with a copy button that falls back to selecting it. */
export function CopyBox({ text }: { text: string }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access can be refused in a frame: select the text so Ctrl+C works.
      area.current?.select();
      setState('failed');
    }
  }

  return (
    <div class="copy-lines">
      <h3>{t('panel_copy_title')}</h3>
      <textarea ref={area} readOnly rows={6} value={text} data-testid="copy-text" />
      <div class="row">
        <button type="button" class="button" onClick={() => void copy()} data-testid="copy-button">
          {t('panel_copy_button')}
        </button>
        {state === 'copied' && <span class="muted">{t('panel_copied')}</span>}
        {state === 'failed' && <span class="muted">{t('panel_copy_failed')}</span>}
      </div>
    </div>
  );
}
