import { render } from 'preact';
import { getSettings } from '../../lib/ext/settings';
import { setUiLanguage } from '../../lib/ui/i18n';
import { Options } from './Options';
import './options.css';

// The interface language is a setting: read it before the first render.
void getSettings().then((s) => {
  setUiLanguage(s.uiLanguage);
  document.documentElement.lang = s.uiLanguage === 'zh' ? 'zh-CN' : s.uiLanguage === 'en' ? 'en' : document.documentElement.lang;
  render(<Options />, document.getElementById('app')!);
});
