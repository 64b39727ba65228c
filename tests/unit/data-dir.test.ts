import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src-main/core/data-dir';
import { toLocalIsoString } from '../../src-main/core/time';

describe('data folder', () => {
  it('follows KERRO_DATA_DIR first', () => {
    expect(defaultDataDir({ KERRO_DATA_DIR: '/srv/kerro' }, 'linux', '/home/piha')).toBe('/srv/kerro');
  });

  it('uses each OS’s usual app data folder', () => {
    expect(defaultDataDir({}, 'linux', '/home/piha')).toBe(join('/home/piha', '.config', 'Kerro'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/piha')).toBe(join('/cfg', 'Kerro'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\piha\\AppData\\Roaming' }, 'win32', 'C:\\Users\\piha')).toBe(
      join('C:\\Users\\piha\\AppData\\Roaming', 'Kerro'),
    );
    expect(defaultDataDir({}, 'darwin', '/Users/piha')).toBe(join('/Users/piha', 'Library', 'Application Support', 'Kerro'));
  });
});

describe('local time', () => {
  it('writes wall-clock time with its offset and means the same instant', () => {
    const instant = new Date('2026-11-29T09:15:02.120Z');
    const text = toLocalIsoString(instant);
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(text)).toBe(instant.getTime());
  });
});
