import { useState } from 'preact/hooks';
import { normalizeHost } from '../../lib/settings/validate';
import { t } from '../../lib/i18n';
import { OptionsCard } from './Field';

/** Sites where Gloss never runs: add by typing a site or a URL, remove one by one. */
export function SitesSection({ sites, onChange }: { sites: readonly string[]; onChange: (next: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (e: Event): void => {
    e.preventDefault();
    const host = normalizeHost(draft);
    if (!host) {
      setError(t('sitesInvalid', draft.trim()));
      return;
    }
    setError(null);
    setDraft('');
    if (!sites.includes(host)) onChange([...sites, host]);
  };
  return (
    <OptionsCard id="sites" title={t('optionsSites')} intro={t('optionsSitesIntro')}>
      <form class="gloss-inline-form" onSubmit={add}>
        <label for="site-input" class="gloss-sr-only">{t('sitesInputLabel')}</label>
        <input id="site-input" type="text" inputMode="url" placeholder={t('sitesPlaceholder')} value={draft}
          aria-invalid={error !== null} aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="gloss-button">{t('sitesAdd')}</button>
      </form>
      {error ? <p id="site-error" class="gloss-error" role="alert">{error}</p> : null}
      {sites.length === 0 ? (
        <p class="gloss-muted gloss-empty">{t('sitesNone')}</p>
      ) : (
        <ul class="gloss-rows" aria-label={t('optionsSites')}>
          {sites.map((site) => (
            <li key={site}>
              <span class="gloss-rows__main">{site}</span>
              <button type="button" class="gloss-button is-small" aria-label={t('sitesRemoveLabel', site)}
                onClick={() => onChange(sites.filter((s) => s !== site))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </OptionsCard>
  );
}
