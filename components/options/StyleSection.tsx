import { useEffect, useState } from 'preact/hooks';
import type { HighlightStyle } from '../../lib/settings/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/types';
import { t } from '../../lib/i18n';
import { OptionsCard } from './Field';

const COLOURS = [
  ['officialColor', 'sectionOfficials'],
  ['figureColor', 'sectionFigures'],
  ['claimColor', 'sectionClaims'],
] as const;

/** The inline style of a preview highlight, as the page would draw it. */
export function previewStyle(style: HighlightStyle, colour: string): Record<string, string> {
  return style.mode === 'underline'
    ? { textDecoration: `underline 2px ${colour}`, textUnderlineOffset: '3px' }
    : { backgroundColor: `color-mix(in srgb, ${colour} 28%, transparent)`, borderRadius: '2px' };
}

/**
 * Highlight look: underline or background, and a colour per kind, with a live
 * preview. Colours preview while the picker moves and are saved when it closes.
 */
export function StyleSection({ value, onChange }: { value: HighlightStyle; onChange: (next: HighlightStyle) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <OptionsCard id="style" title={t('optionsStyle')}>
      <fieldset class="gloss-segmented">
        <legend class="gloss-sr-only">{t('styleModeLabel')}</legend>
        {(['background', 'underline'] as const).map((mode) => (
          <label key={mode}>
            <input type="radio" name="style-mode" value={mode} checked={draft.mode === mode}
              onChange={() => onChange({ ...draft, mode })} />
            <span>{t(mode === 'background' ? 'styleBackground' : 'styleUnderline')}</span>
          </label>
        ))}
      </fieldset>
      <div class="gloss-colours">
        {COLOURS.map(([key, label]) => (
          <label key={key} class="gloss-colour">
            <input type="color" name={key} value={draft[key]}
              onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
              onChange={(e) => onChange({ ...draft, [key]: e.currentTarget.value })} />
            <span>{t(label)}</span>
          </label>
        ))}
        <button type="button" class="gloss-link-button" onClick={() => onChange({ ...DEFAULT_SETTINGS.style })}>
          {t('styleReset')}
        </button>
      </div>
      <div class="gloss-preview" aria-label={t('stylePreviewLabel')} role="group">
        <p>
          <span style={previewStyle(draft, draft.officialColor)}>{t('previewOfficial')}</span>{' '}
          {t('previewMiddle')}{' '}
          <span style={previewStyle(draft, draft.figureColor)}>{t('previewFigure')}</span>
          {t('previewBeforeClaim')}{' '}
          <span style={previewStyle(draft, draft.claimColor)}>{t('previewClaim')}</span>
        </p>
      </div>
    </OptionsCard>
  );
}
