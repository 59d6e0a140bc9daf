// Settings kept in extension storage: typed, versioned items from @wxt-dev/storage.
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, migrateSettingsV2, migrateSitesV2, withSite, type Settings, type SiteRule, type SiteRules } from '../settings/model';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateSettingsV2 },
});

export const siteRules = storage.defineItem<SiteRules>('local:sites', {
  fallback: {},
  version: 2,
  migrations: { 2: migrateSitesV2 },
});

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function patchSettings(patch: Partial<Settings>): Promise<void> {
  await settingsItem.setValue({ ...(await getSettings()), ...patch });
}

export async function patchSite(host: string, patch: Partial<SiteRule>): Promise<void> {
  await siteRules.setValue(withSite(await siteRules.getValue(), host, patch));
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  await patchSite(host, { mode: enabled ? 'default' : 'never' });
}
