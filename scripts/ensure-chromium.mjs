#!/usr/bin/env node
// Makes sure Debian's chromium is installed at /usr/bin/chromium for the
// browser tests. It does nothing when it is there, installs it with apt-get
// when running as root, and otherwise fails with one line that names the
// install command. Playwright's own browser download is never used.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_HINT = `Chromium not found at ${CHROMIUM_PATH}: install it with \`sudo apt-get update && sudo apt-get install -y chromium\` (Debian/Ubuntu), then run the tests again.`;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (!existsSync(CHROMIUM_PATH)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`conftree: ${INSTALL_HINT}`);
    process.exit(1);
  }
  console.error('conftree: installing Debian chromium for the browser tests (apt-get install chromium)');
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) || !existsSync(CHROMIUM_PATH)) {
    console.error(`conftree: apt-get could not install chromium. ${INSTALL_HINT}`);
    process.exit(1);
  }
}
