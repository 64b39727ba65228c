import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The OS's usual place for an app's data, the same folder Electron's `userData` path gives for
 * a product named Kerro, so both shells share one store.
 */
export function defaultDataDir(
  environment: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = environment.KERRO_DATA_DIR;
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32') return join(environment.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Kerro');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Kerro');
  const configHome = environment.XDG_CONFIG_HOME;
  return join(configHome !== undefined && configHome !== '' ? configHome : join(home, '.config'), 'Kerro');
}
