import { useEffect, useState } from 'preact/hooks';

interface Props {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  testId?: string;
  placeholder?: string;
}

/** A short text (item code) committed on Enter or leaving the field, so typing is not saved per key. */
export function TextSetting({ value, label, onCommit, testId, placeholder }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  // The field's own value: a blur can arrive before the last input event's re-render.
  const commit = (current: string) => {
    setText(current);
    if (current.trim() !== value) onCommit(current.trim());
  };
  return (
    <input
      type="text"
      aria-label={label}
      title={label}
      value={text}
      placeholder={placeholder}
      data-testid={testId}
      onInput={(event) => setText(event.currentTarget.value)}
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(event.currentTarget.value);
      }}
    />
  );
}
