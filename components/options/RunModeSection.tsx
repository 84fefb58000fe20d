import type { RunMode } from '../../lib/settings/types';
import { t } from '../../lib/i18n';
import { OptionsCard } from './Field';

const MODES = [
  ['news', 'runModeNews', 'runModeNewsHelp'],
  ['always', 'runModeAlways', 'runModeAlwaysHelp'],
  ['on-demand', 'runModeOnDemand', 'runModeOnDemandHelp'],
] as const;

/** When Gloss annotates a page. */
export function RunModeSection({ value, onChange }: { value: RunMode; onChange: (next: RunMode) => void }) {
  return (
    <OptionsCard id="run-mode" title={t('optionsRunMode')}>
      <fieldset class="gloss-options-list">
        <legend class="gloss-sr-only">{t('optionsRunMode')}</legend>
        {MODES.map(([mode, label, help]) => (
          <label key={mode} class="gloss-check">
            <input type="radio" name="run-mode" value={mode} checked={value === mode} onChange={() => onChange(mode)} />
            <span>
              <strong>{t(label)}</strong>
              <span class="gloss-muted gloss-check__help">{t(help)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </OptionsCard>
  );
}
