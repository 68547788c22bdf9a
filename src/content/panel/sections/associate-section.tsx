import { formatRangeLabel } from '../../../core/date-label';
import type { Entry } from '../../../core/keeping-types';
import { language, t } from '../../../shared/i18n';
import type { AssociateModel, LineSummary } from '../model/associate-model';
import type { PanelModel } from '../model/panel-model';
import { ErrorNotice } from './error-notice';
import { clock, decimalHours, shortDate } from './format';

function difference(invoiceMinutes: number, selectedMinutes: number): string {
  const diff = selectedMinutes - invoiceMinutes;
  return diff === 0 ? '0' : `${diff > 0 ? '+' : '−'}${decimalHours(Math.abs(diff))}`;
}

function EntryTick({ model, entry, person }: { model: AssociateModel; entry: Entry; person: string }) {
  const note = entry.note.trim();
  return (
    <li class="entry" data-testid="associate-entry" data-entry-id={entry.id}>
      <label class="entry-main">
        <input
          type="checkbox"
          checked={model.ticked.value.has(entry.id)}
          onChange={(event) => model.toggle(entry.id, event.currentTarget.checked)}
        />
        <span class="entry-date">{shortDate(entry.date)}</span>
        <span class="entry-person">{person}</span>
        <span class="entry-minutes">{clock(entry.minutes)}</span>
      </label>
      {note && <p class="entry-note">{note}</p>}
    </li>
  );
}

function LineRow({ panel, summary }: { panel: PanelModel; summary: LineSummary }) {
  const { line, invoiceMinutes, selectedMinutes } = summary;
  const off = invoiceMinutes !== selectedMinutes;
  return (
    <>
      <tr data-testid="match-line" class={off ? 'off' : ''}>
        <td class="match-description">{line.description || line.quantityText}</td>
        <td class="num">
          {invoiceMinutes === 0 ? t('panel_associate_not_hours') : decimalHours(invoiceMinutes)}
        </td>
        <td class="num">{decimalHours(selectedMinutes)}</td>
        <td class={off ? 'num difference' : 'num'}>{difference(invoiceMinutes, selectedMinutes)}</td>
      </tr>
      {summary.entries.length > 0 && (
        <tr class="match-entries">
          <td colSpan={4}>
            <details>
              <summary>{t('panel_associate_entries', summary.entries.length)}</summary>
              <ul class="entries">
                {summary.entries.map((entry) => (
                  <EntryTick
                    key={entry.id}
                    model={panel.associate}
                    entry={entry}
                    person={panel.personName(entry.userId)}
                  />
                ))}
              </ul>
            </details>
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * On a saved invoice Urenbrug holds nothing for: propose the hours that fit its lines, show how
 * well they match per line and in total, and link them with "Koppel uren".
 */
export function AssociateSection({ model }: { model: PanelModel }) {
  const associate = model.associate;
  const linked = associate.linkedCount.value;
  if (!associate.active.value && linked === null) return null;

  const range = associate.range.value;
  const summary = associate.summary.value;
  const lines = associate.lines.value;
  const unused = associate.unused.value;
  const chosen = model.client.chosen.value;
  const total = summary ? summary.selectedMinutes - summary.invoiceMinutes : 0;
  return (
    <section
      class="step"
      aria-labelledby="urenbrug-step-associate"
      data-testid="associate-section"
      aria-busy={associate.loading.value}
    >
      <h2 id="urenbrug-step-associate">{t('panel_associate_title')}</h2>
      {linked !== null ? (
        <p class="summary" role="status" data-testid="associate-done">
          {t('panel_associate_done', linked)}
        </p>
      ) : (
        <>
          <p class="muted small">{t('panel_associate_intro')}</p>
          {range && (
            <p class="small" data-testid="associate-period">
              {t('panel_associate_period', formatRangeLabel(range, language.value))} (
              {range.source === 'text'
                ? t('panel_associate_period_from_text')
                : t('panel_associate_period_until_date')}
              )
            </p>
          )}
          {chosen === null && <p class="notice">{t('panel_associate_no_client')}</p>}
          {lines !== null && lines.length === 0 && <p class="notice">{t('panel_associate_no_lines')}</p>}
          {associate.error.value && <ErrorNotice error={associate.error.value} />}
          {chosen !== null && associate.loading.value && <p class="muted">{t('loading')}</p>}
          {summary && summary.lines.length > 0 && (
            <>
              <table class="match-table" data-testid="match-summary">
                <thead>
                  <tr>
                    <th>{t('panel_associate_col_line')}</th>
                    <th class="num">{t('panel_associate_col_invoice')}</th>
                    <th class="num">{t('panel_associate_col_selected')}</th>
                    <th class="num">{t('panel_associate_col_difference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.lines.map((line) => (
                    <LineRow key={line.line.rowId} panel={model} summary={line} />
                  ))}
                  {summary.extraMinutes > 0 && (
                    <tr>
                      <td>{t('panel_associate_extra')}</td>
                      <td />
                      <td class="num">{decimalHours(summary.extraMinutes)}</td>
                      <td />
                    </tr>
                  )}
                </tbody>
                <tfoot>
                  <tr data-testid="match-total">
                    <th>{t('panel_associate_total')}</th>
                    <th class="num">{decimalHours(summary.invoiceMinutes)}</th>
                    <th class="num">{decimalHours(summary.selectedMinutes)}</th>
                    <th class={total === 0 ? 'num' : 'num difference'}>
                      {difference(summary.invoiceMinutes, summary.selectedMinutes)}
                    </th>
                  </tr>
                </tfoot>
              </table>
              <p class={total === 0 ? 'summary' : 'summary mismatch'} data-testid="match-verdict">
                {total === 0
                  ? t('panel_associate_matched')
                  : t(
                      'panel_associate_mismatch',
                      difference(summary.invoiceMinutes, summary.selectedMinutes),
                    )}
              </p>
              {unused.length > 0 && (
                <details class="match-unused">
                  <summary>{t('panel_associate_unused', unused.length)}</summary>
                  <ul class="entries">
                    {unused.map((entry) => (
                      <EntryTick
                        key={entry.id}
                        model={associate}
                        entry={entry}
                        person={model.personName(entry.userId)}
                      />
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
          {summary &&
            summary.lines.length > 0 &&
            associate.candidates.value.length === 0 &&
            !associate.loading.value && <p class="notice">{t('panel_associate_no_entries')}</p>}
          <button
            type="button"
            class="button primary"
            data-testid="associate-button"
            disabled={associate.busy.value || associate.ticked.value.size === 0}
            onClick={() => void associate.associate()}
          >
            {t('panel_associate_button')}
          </button>
          {associate.linkError.value && <ErrorNotice error={associate.linkError.value} />}
        </>
      )}
    </section>
  );
}
