import { render } from 'preact';
import { getSettings } from '../../lib/ext/settings';
import { setUiLanguage } from '../../lib/ui/i18n';
import { Viewer } from './Viewer';
// The reading view's terms and ruby look as on any page: the content script's own stylesheet.
import '../highlights.css';
import './pdf.css';

// The interface language is a setting: read it before the first render.
void getSettings().then((settings) => {
  setUiLanguage(settings.uiLanguage);
  if (settings.uiLanguage !== 'auto') document.documentElement.lang = settings.uiLanguage === 'zh' ? 'zh-CN' : 'en';
  const url = new URLSearchParams(location.search).get('url');
  render(<Viewer settings={settings} url={url} />, document.getElementById('app')!);
});
