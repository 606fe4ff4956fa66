/**
 * What the peer benchmark needs outside Node: Debian's EGL/GLES development files, Mesa's EGL
 * and Gallium software drivers, and gcc. Missing packages are installed with apt-get when running
 * as root; otherwise the exact list is reported. Then the C program is built.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Debian package -> a file that shows it is installed (checked with dpkg too). */
export const PEER_PACKAGES: Readonly<Record<string, string>> = {
  'libegl-dev': '/usr/include/EGL/egl.h',
  'libgles-dev': '/usr/include/GLES3/gl3.h',
  'libegl-mesa0': '', // Mesa's EGL vendor library: the surfaceless platform
  'libgl1-mesa-dri': '', // the Gallium drivers, llvmpipe and softpipe
  gcc: '',
};

function installed(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  const file = PEER_PACKAGES[pkg] ?? '';
  return r.status === 0 && r.stdout.includes('install ok installed') && (file === '' || existsSync(file));
}

/** Installs what is missing, or throws naming it. */
export function ensurePeerPackages(log: (line: string) => void): void {
  const missing = Object.keys(PEER_PACKAGES).filter((p) => !installed(p));
  if (missing.length === 0) {
    log(`peers: packages present: ${Object.keys(PEER_PACKAGES).join(', ')}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (run: sudo apt-get install -y ${missing.join(' ')})`);
  }
  log(`peers: installing ${missing.join(' ')}`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = missing.filter((p) => !installed(p));
  if (still.length > 0) throw new Error(`still missing after apt-get: ${still.join(' ')}`);
}

/** Builds `source` into `binary` with gcc -O2. */
export function buildPeerBench(source: string, binary: string): void {
  mkdirSync(dirname(binary), { recursive: true });
  execFileSync('gcc', ['-O2', '-Wall', '-Wextra', '-o', binary, source, '-lEGL', '-lGLESv2'], { stdio: 'inherit' });
}

/** Installed version of a Debian package, or undefined. */
export function packageVersion(pkg: string): string | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
