import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettingsV2, migrateSitesV2, siteEnabled, withSite } from '../../lib/settings/model';

describe('settings migrations', () => {
  it('v1 → v2 keeps the terms switch and fills the rest with defaults', () => {
    expect(migrateSettingsV2({ showTerms: false })).toEqual({ ...DEFAULT_SETTINGS, terms: false });
    expect(migrateSettingsV2(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('v1 → v2 turns switched-off hosts into "never" rules', () => {
    const rules = migrateSitesV2({ 'a.example': true, 'b.example': 'junk' });
    expect(rules).toEqual({ 'a.example': { mode: 'never' } });
    expect(siteEnabled(rules, 'a.example')).toBe(false);
    expect(siteEnabled(rules, 'c.example')).toBe(true);
  });

  it('per-site rules drop back to nothing when they hold nothing', () => {
    let r = withSite({}, 'x.cn', { script: 'tw' });
    expect(r).toEqual({ 'x.cn': { mode: 'default', script: 'tw' } });
    r = withSite(r, 'x.cn', { script: null });
    expect(r).toEqual({});
    r = withSite(r, 'x.cn', { mode: 'never' });
    expect(siteEnabled(r, 'x.cn')).toBe(false);
  });
});
