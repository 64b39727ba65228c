// The first step of `npm test`: the programs the tests need that `npm ci` cannot bring (Chromium,
// for the browser kiosk's session test a virtual X screen and a key and tap injector, and for the
// full-disk test unshare and mount, which every Debian base system has). Each is found where it is; where one is
// missing and this runs as root on a machine with apt-get, Debian's package is installed, saying
// so in one line; otherwise the run stops at once with one line naming the command to run. No
// test is ever skipped for want of one of them.
import { spawnSync } from 'node:child_process';
import { chromiumMissing, findChromium, findCommand } from './programs.mjs';

/** What the tests need, how it is found, and the Debian package that brings it. */
const programs = [
  { name: 'Chromium', debianPackage: 'chromium', find: () => findChromium(), missing: chromiumMissing },
  command('Xvfb', 'xvfb', 'the kiosk session test'),
  command('xdotool', 'xdotool', 'the kiosk session test'),
  // The full-disk test mounts a real tmpfs in a mount namespace of its own (tests/support/small-disk.ts).
  command('unshare', 'util-linux', 'the full-disk test'),
  command('mount', 'mount', 'the full-disk test'),
];

function command(name, debianPackage, neededBy) {
  return {
    name,
    debianPackage,
    find: () => findCommand(name),
    missing: `No ${name} found (${neededBy} needs it): install it (Debian: \`apt-get install ${debianPackage}\`, as root).`,
  };
}

const missing = programs.filter((program) => program.find() === null);
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && findCommand('apt-get') !== null;
  if (!canInstall) {
    for (const program of missing) process.stderr.write(`${program.missing}\n`);
    process.exit(1);
  }
  for (const program of missing) process.stdout.write(`${program.name} is missing: installing Debian's \`${program.debianPackage}\` with apt-get.\n`);
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing.map((program) => program.debianPackage)]]) {
    const result = spawnSync('apt-get', args, { env: environment, encoding: 'utf8' });
    if (result.status !== 0) {
      process.stderr.write(`${result.stdout}${result.stderr}apt-get ${args.join(' ')} failed (exit ${result.status}).\n`);
      process.exit(1);
    }
  }
  const stillMissing = missing.filter((program) => program.find() === null);
  for (const program of stillMissing) process.stderr.write(`${program.missing}\n`);
  if (stillMissing.length > 0) process.exit(1);
}
