import type { Entry } from '../../../core/keeping-types';
import { t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';
import { lineRuleKey } from '../model/rates-model';
import { decimalHours, money } from './format';
import { PartialNotice } from './partial-notice';
import { PreviewLine } from './preview-line';

/** "Website — Ontwerp" for a rule key "p:12:t:3". */
function ruleLabel(model: PanelModel, key: string): string {
  const match = /^p:(\d+)(?::t:(\d+))?$/.exec(key);
  if (!match) return key;
  const project = model.projectName(Number(match[1]));
  const task = match[2] ? (model.names.value.tasks?.get(Number(match[2])) ?? `#${match[2]}`) : null;
  return task ? `${project} — ${task}` : project;
}

export function linesSummary(lineCount: number, minutes: number, amountCents: number): string {
  return lineCount === 1
    ? t('panel_lines_summary_one', decimalHours(minutes), money(amountCents))
    : t('panel_lines_summary', lineCount, decimalHours(minutes), money(amountCents));
}

/** Step 5: the lines as they will be written, with the totals. */
export function PreviewSection({ model }: { model: PanelModel }) {
  const { plan, error } = model.preview.value;
  const byId = model.entriesById.value;
  const grouping = model.selection.grouping.value;

  return (
    <section class="step" aria-labelledby="urenbrug-step-preview">
      <h2 id="urenbrug-step-preview">{t('panel_step_preview')}</h2>
      <PartialNotice model={model} testId="preview-partial" />
      {error && <p class="notice error">{t('panel_preview_error', error)}</p>}
      {plan && plan.lines.length === 0 && <p class="muted">{t('panel_preview_empty')}</p>}
      {plan && plan.lines.length > 0 && (
        <>
          <ol class="preview">
            {plan.lines.map((line) => {
              const entries = line.entryIds
                .map((id) => byId.get(id))
                .filter((entry): entry is Entry => !!entry);
              const key = lineRuleKey(entries, grouping);
              return (
                <PreviewLine
                  key={line.key}
                  line={line}
                  ruleLabel={key ? ruleLabel(model, key) : null}
                  onRate={(rateCents) => {
                    if (key) void model.rates.saveRule(key, { rateCents });
                  }}
                  onItem={(itemCode) => {
                    if (key) void model.rates.saveRule(key, { itemCode: itemCode === '' ? null : itemCode });
                  }}
                />
              );
            })}
          </ol>
          <div class="total" data-testid="preview-total">
            <strong>
              {linesSummary(plan.totals.lineCount, plan.totals.roundedMinutes, plan.totals.amountCents)}
            </strong>
            {plan.totals.roundingCents !== 0 && (
              <span class="muted small">
                {' '}
                · {t('panel_total_difference', money(plan.totals.roundingCents))}
              </span>
            )}
            {plan.totals.precisionCents !== 0 && (
              <span class="muted small" data-testid="precision-total">
                {' '}
                ·{' '}
                {t(
                  'panel_total_precision',
                  model.precision.setting.value.decimals,
                  money(plan.totals.precisionCents),
                )}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
