import { useEffect, useState } from 'preact/hooks';
import { csvDateTime } from '../core/csv';
import { formatDecimalHours } from '../core/hours';
import { errorText, language, t } from '../shared/i18n';
import type { AuditEntryView } from '../shared/messages';
import { type AuditModel, createAuditModel } from './audit-model';
import { actionLabel, invoiceLabel, userLabel } from './audit-rows';

/** Entry ids shown per record before "+n": a fill of a month can name hundreds. */
const SHOWN_IDS = 6;

function when(at: number): string {
  const { date, time } = csvDateTime(at);
  return `${date} ${time}`;
}

function EntryIds({ model, ids }: { model: AuditModel; ids: number[] }) {
  const [open, setOpen] = useState(false);
  const shown = open ? ids : ids.slice(0, SHOWN_IDS);
  return (
    <span class="audit-ids">
      {shown.map((id) => (
        <button
          key={id}
          type="button"
          class="link"
          title={t('options_audit_filter_entry')}
          onClick={() => {
            model.setFilters({ entry: String(id) });
            void model.load();
          }}
        >
          {id}
        </button>
      ))}
      {!open && ids.length > SHOWN_IDS && (
        <button type="button" class="link" onClick={() => setOpen(true)}>
          +{ids.length - SHOWN_IDS}
        </button>
      )}
    </span>
  );
}

function AuditRow({ model, record }: { model: AuditModel; record: AuditEntryView }) {
  const user = userLabel(record);
  return (
    <li class="audit-row" data-testid="audit-row" data-action={record.action}>
      <p class="audit-head">
        <span class="audit-when">{when(record.at)}</span>
        <strong class="audit-action">{actionLabel(record.action)}</strong>
        <button
          type="button"
          class="link audit-invoice"
          title={t('options_audit_filter_invoice')}
          onClick={() => {
            model.setFilters({ invoice: record.invoiceNumber ?? record.invoiceKey });
            void model.load();
          }}
        >
          {invoiceLabel(record)}
        </button>
        {record.minutes !== null && (
          <span class="audit-hours">
            {formatDecimalHours(record.minutes, language.value)} {t('options_audit_hours_unit')}
          </span>
        )}
        {user && <span class="audit-user">{user}</span>}
      </p>
      {record.entryIds.length > 0 && (
        <p class="audit-entries">
          <span class="muted">{t('options_audit_col_entries')}: </span>
          <EntryIds model={model} ids={record.entryIds} />
        </p>
      )}
      {record.detail && <p class="audit-detail muted">{record.detail}</p>}
    </li>
  );
}

/** The audit log: what happened to which invoice and entries, by whom and why; filter and export. */
export function AuditSection({ model: given }: { model?: AuditModel }) {
  const [model] = useState(() => given ?? createAuditModel());
  useEffect(() => {
    void model.load();
  }, [model]);

  const records = model.records.value;
  const filters = model.filters.value;
  const busy = model.loading.value || model.exporting.value;
  return (
    <section class="card" data-testid="audit-log">
      <h2>{t('options_audit_title')}</h2>
      <p class="muted">{t('options_audit_intro')}</p>
      <form
        class="row audit-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void model.load();
        }}
      >
        <label for="audit-invoice">{t('options_audit_filter_invoice')}</label>
        <input
          id="audit-invoice"
          class="input"
          value={filters.invoice}
          placeholder={t('options_audit_filter_invoice_hint')}
          maxLength={100}
          onInput={(event) => model.setFilters({ invoice: event.currentTarget.value })}
          data-testid="audit-filter-invoice"
        />
        <label for="audit-entry">{t('options_audit_filter_entry')}</label>
        <input
          id="audit-entry"
          class="input narrow"
          inputMode="numeric"
          value={filters.entry}
          onInput={(event) => model.setFilters({ entry: event.currentTarget.value })}
          data-testid="audit-filter-entry"
        />
        <button type="submit" class="button" disabled={busy} data-testid="audit-filter-apply">
          {t('options_audit_filter_apply')}
        </button>
        {model.filtered.value && (
          <button type="button" class="button" disabled={busy} onClick={() => void model.clear()}>
            {t('options_audit_filter_clear')}
          </button>
        )}
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => void model.exportCsv()}
          data-testid="audit-export"
        >
          {model.exporting.value ? t('options_data_busy') : t('options_audit_export')}
        </button>
      </form>
      {model.entryInvalid.value && (
        <p class="message error" role="alert" data-testid="audit-entry-invalid">
          {t('options_audit_entry_invalid')}
        </p>
      )}
      {model.error.value && (
        <p class="message error" role="alert" data-testid="audit-error">
          {errorText(model.error.value)}
        </p>
      )}
      {records.length === 0 && !model.loading.value && !model.error.value && (
        <p class="muted" data-testid="audit-empty">
          {model.filtered.value ? t('options_audit_no_match') : t('options_audit_empty')}
        </p>
      )}
      {records.length > 0 && (
        <ul class="audit-list">
          {records.map((record) => (
            <AuditRow key={record.seq} model={model} record={record} />
          ))}
        </ul>
      )}
      {model.nextBefore.value !== null && (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => void model.more()}
          data-testid="audit-more"
        >
          {t('options_audit_more')}
        </button>
      )}
    </section>
  );
}
