/**
 * A reason field and the button it unlocks: overriding "already billed elsewhere" and releasing an
 * invoice's marks both need the bookkeeper's words for the audit, in the panel and on the options
 * page alike. The button stays disabled while the reason is blank or the caller is busy.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

type ClickHandler = (event: MouseEvent) => void;

export interface ReasonActionProps {
  /** The field's label (the panel styles `.field`; the options page styles every label). */
  label: string;
  /** The button's text. */
  confirmLabel: string;
  reasonTestId: string;
  confirmTestId: string;
  busy: boolean;
  /**
   * Runs with the typed reason. Resolving `true` spends the reason and empties the field; `false`
   * or nothing keeps it for another try.
   */
  onConfirm: (reason: string) => Promise<boolean> | Promise<void>;
  /**
   * Wraps the confirm button's click: the panel passes its `trustedAction`, so that a script on
   * Exact's page pressing the button does nothing. Buttons in `children` bring their own.
   */
  guard?: (action: ClickHandler) => ClickHandler;
  /** Buttons beside the confirm button (e.g. "Annuleren"); with them, the buttons share a row. */
  children?: ComponentChildren;
}

const unguarded = (action: ClickHandler): ClickHandler => action;

export function ReasonAction(props: ReasonActionProps) {
  const { guard = unguarded } = props;
  const [reason, setReason] = useState('');
  const confirm = (
    <button
      type="button"
      class="button"
      disabled={props.busy || reason.trim() === ''}
      onClick={guard(async () => {
        if ((await props.onConfirm(reason)) === true) setReason('');
      })}
      data-testid={props.confirmTestId}
    >
      {props.confirmLabel}
    </button>
  );
  return (
    <>
      <label class="field">
        <span>{props.label}</span>
        <input
          type="text"
          maxLength={500}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
          data-testid={props.reasonTestId}
        />
      </label>
      {props.children ? (
        <p class="row">
          {confirm}
          {props.children}
        </p>
      ) : (
        confirm
      )}
    </>
  );
}
