/**
 * The toolbar popup's entry: sets the document language from the browser's UI
 * language and renders the popup with the real browser behind it.
 */
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { t, uiLanguage } from '../../lib/i18n';
import { browserPopupDeps } from './deps';
import '../../components/shared/base.css';
import '../../components/shared/charts.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<Popup deps={browserPopupDeps} />, document.getElementById('app')!);
