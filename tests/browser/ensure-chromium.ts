import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './chromium.js';

/** Debian packages the browser tests need: the browser, and CJK fonts so screenshots show Chinese, not boxes. */
const PACKAGES = ['chromium', 'fonts-noto-cjk'];
const INSTALL = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;

function cjkFontsPresent(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  }
}

/**
 * Global setup of the browser tests: Chromium and the CJK fonts must be
 * there. Missing and running as root (CI runs .ci/run as root on a fresh
 * machine): they are installed with apt-get. Missing otherwise: the run fails
 * with the command to type — never a silent skip.
 */
export default function ensureChromium(): void {
  const missing = !existsSync(CHROMIUM) || !cjkFontsPresent();
  if (!missing) return;
  if (process.getuid?.() === 0 && !process.env.CHROMIUM_PATH) {
    console.log(`Browser tests: installing ${PACKAGES.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (existsSync(CHROMIUM)) return;
  }
  throw new Error(`The browser tests need ${CHROMIUM} and CJK fonts. Install them with:\n  sudo sh -c '${INSTALL}'`);
}
