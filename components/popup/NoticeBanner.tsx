import type { SettingsNotice } from '../../lib/settings/store';
import { t } from '../../lib/i18n';

/**
 * Says plainly that stored settings were unreadable and which parts were reset,
 * so a repair never passes silently. Shared by the popup and the options page.
 */
export function NoticeBanner({ notice, onDismiss }: { notice: SettingsNotice; onDismiss: () => void }) {
  const whole = notice.fields.includes('');
  return (
    <div class="gloss-notice" role="status">
      <p>
        <strong>{t('noticeRecoveredTitle')}</strong>{' '}
        {whole ? t('noticeRecoveredAll') : t('noticeRecoveredSome', notice.fields.join(', '))}
      </p>
      <button type="button" class="gloss-button is-small" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
