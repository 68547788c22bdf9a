import { useEffect, useState } from 'preact/hooks';
import { formatPrice } from '../../../core/money';
import { language, t } from '../../../shared/i18n';
import { parseRate } from './format';

interface Props {
  cents: number;
  label: string;
  onCommit: (cents: number) => void;
  testId?: string;
  disabled?: boolean;
}

/** The amount as the field shows it for editing: "95,50", no euro sign or grouping, as typed into Exact. */
function editText(cents: number): string {
  return formatPrice(cents, language.value);
}

/** A euro amount typed as text, committed on Enter or leaving the field; bad input is shown, not stored. */
export function MoneyInput({ cents, label, onCommit, testId, disabled }: Props) {
  const [text, setText] = useState(editText(cents));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(editText(cents));
    setInvalid(false);
  }, [cents]);

  // The field's own value: a blur can arrive before the last input event's re-render.
  function commit(value: string): void {
    setText(value);
    const parsed = parseRate(value);
    if (parsed === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (parsed !== cents) onCommit(parsed);
  }

  return (
    <span class="money-input">
      <span class="currency">€</span>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid}
        title={invalid ? t('panel_invalid_amount') : label}
        class={invalid ? 'invalid' : ''}
        value={text}
        disabled={disabled}
        data-testid={testId}
        onInput={(event) => setText(event.currentTarget.value)}
        onBlur={(event) => commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
    </span>
  );
}
