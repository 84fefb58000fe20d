/**
 * The options page's entry: document language from the browser's UI language,
 * then the page with the bundled packs.
 */
import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { bundledPacks } from '../../lib/packs/bundled';
import { t, uiLanguage } from '../../lib/i18n';
import '../../components/shared/base.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<Options bundled={bundledPacks} />, document.getElementById('app')!);
