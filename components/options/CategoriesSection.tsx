import type { CategorySettings } from '../../lib/settings/types';
import { t } from '../../lib/i18n';
import { OptionsCard } from './Field';

const CATEGORIES = [
  ['officials', 'sectionOfficials', 'categoryOfficialsHelp'],
  ['figures', 'sectionFigures', 'categoryFiguresHelp'],
  ['claims', 'sectionClaims', 'categoryClaimsHelp'],
] as const;

/** Which kinds of annotation Gloss highlights. */
export function CategoriesSection({ value, onChange }: { value: CategorySettings; onChange: (next: CategorySettings) => void }) {
  return (
    <OptionsCard id="categories" title={t('optionsCategories')} intro={t('optionsCategoriesIntro')}>
      <div class="gloss-options-list">
        {CATEGORIES.map(([key, label, help]) => (
          <label key={key} class="gloss-check">
            <input type="checkbox" name={`category-${key}`} checked={value[key]}
              onChange={(e) => onChange({ ...value, [key]: e.currentTarget.checked })} />
            <span>
              <span><span class={`gloss-dot is-${key}`} aria-hidden="true" /> <strong>{t(label)}</strong></span>
              <span class="gloss-muted gloss-check__help">{t(help)}</span>
            </span>
          </label>
        ))}
      </div>
    </OptionsCard>
  );
}
