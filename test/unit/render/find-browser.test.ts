import { describe, expect, it } from 'vitest';
import { RenderError } from '../../../src/errors.ts';
import { browserCandidates, findBrowser, type DiscoveryEnvironment } from '../../../src/render/pdf/find-browser.ts';
import { chromiumArgs, needsNoSandbox } from '../../../src/render/pdf/chromium-args.ts';

/** A machine described by its platform, environment and the executables it has. */
function machine(platform: NodeJS.Platform, env: Record<string, string>, executables: string[]): DiscoveryEnvironment {
  const present = new Set(executables);
  return { platform, env, isExecutable: (file) => present.has(file) };
}

describe('findBrowser', () => {
  it('takes the explicit path first, over the environment', () => {
    const env = machine('linux', { PUPPETEER_EXECUTABLE_PATH: '/opt/a/chrome', PATH: '/usr/bin' }, [
      '/opt/a/chrome',
      '/opt/b/chrome',
      '/usr/bin/chromium',
    ]);
    expect(findBrowser('/opt/b/chrome', env)).toBe('/opt/b/chrome');
  });

  it('refuses an explicit path that is not an executable instead of looking elsewhere', () => {
    const env = machine('linux', { PATH: '/usr/bin' }, ['/usr/bin/chromium']);
    expect(() => findBrowser('/nope/chrome', env)).toThrow(RenderError);
    expect(() => findBrowser('/nope/chrome', env)).toThrow(/«\/nope\/chrome»/);
  });

  it('uses PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, only when they name an executable', () => {
    const both = { PUPPETEER_EXECUTABLE_PATH: '/opt/p/chrome', CHROME_PATH: '/opt/c/chrome', PATH: '/usr/bin' };
    expect(findBrowser(undefined, machine('linux', both, ['/opt/p/chrome', '/opt/c/chrome']))).toBe('/opt/p/chrome');
    expect(findBrowser(undefined, machine('linux', both, ['/opt/c/chrome', '/usr/bin/chromium']))).toBe(
      '/opt/c/chrome',
    );
    expect(findBrowser(undefined, machine('linux', both, ['/usr/bin/chromium']))).toBe('/usr/bin/chromium');
  });

  it('looks for the usual names on PATH on Linux, in order', () => {
    const env = machine('linux', { PATH: '/home/u/bin:/usr/local/bin' }, [
      '/usr/local/bin/google-chrome-stable',
      '/usr/local/bin/chromium-browser',
    ]);
    expect(findBrowser(undefined, env)).toBe('/usr/local/bin/chromium-browser');
  });

  it('falls back to the usual Linux locations when PATH has nothing', () => {
    expect(findBrowser(undefined, machine('linux', { PATH: '/x' }, ['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
    expect(findBrowser(undefined, machine('linux', {}, ['/opt/google/chrome/chrome']))).toBe(
      '/opt/google/chrome/chrome',
    );
  });

  it('finds Chrome in /Applications and ~/Applications on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const userChromium = '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(
      findBrowser(undefined, machine('darwin', { HOME: '/Users/ana', PATH: '/usr/bin' }, [chrome, userChromium])),
    ).toBe(chrome);
    expect(findBrowser(undefined, machine('darwin', { HOME: '/Users/ana', PATH: '/usr/bin' }, [userChromium]))).toBe(
      userChromium,
    );
  });

  it('finds Chrome or Edge under the Windows program folders', () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
      Path: 'C:\\Windows',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const local = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(undefined, machine('win32', env, [edge, local]))).toBe(edge);
    expect(findBrowser(undefined, machine('win32', env, [local]))).toBe(local);
  });

  it('fails with a Spanish message that lists what was tried and the install command', () => {
    const env = machine('linux', { PATH: '/usr/bin', CHROME_PATH: '/roto/chrome' }, []);
    let message = '';
    try {
      findBrowser(undefined, env);
    } catch (error) {
      expect(error).toBeInstanceOf(RenderError);
      message = (error as Error).message;
    }
    expect(message).toContain('No se encontró Chrome ni Chromium');
    expect(message).toContain('PUPPETEER_EXECUTABLE_PATH (sin definir)');
    expect(message).toContain('CHROME_PATH=/roto/chrome (no es un ejecutable)');
    expect(message).toContain('  - /usr/bin/chromium');
    expect(message).toContain('  - /usr/bin/google-chrome-stable');
    expect(message).toContain('sudo apt-get install chromium');
  });

  it('names the platform’s own install command', () => {
    expect(() => findBrowser(undefined, machine('darwin', {}, []))).toThrow(/brew install/);
    expect(() => findBrowser(undefined, machine('win32', {}, []))).toThrow(/winget install/);
  });

  it('tries every candidate once', () => {
    const candidates = browserCandidates(machine('linux', { PATH: '/usr/bin:/usr/bin' }, [])).map((c) => c.file);
    expect(candidates.filter((file) => file === '/usr/bin/chromium').length).toBeGreaterThan(1);
    let tried = 0;
    const counting: DiscoveryEnvironment = {
      platform: 'linux',
      env: { PATH: '/usr/bin:/usr/bin' },
      isExecutable: () => (tried++, false),
    };
    expect(() => findBrowser(undefined, counting)).toThrow(RenderError);
    expect(tried).toBe(new Set(candidates).size);
  });
});

describe('Chromium flags', () => {
  it('turns the sandbox off only as root or in a container', () => {
    expect(needsNoSandbox({ isRoot: false, inContainer: false })).toBe(false);
    expect(needsNoSandbox({ isRoot: true, inContainer: false })).toBe(true);
    expect(needsNoSandbox({ isRoot: false, inContainer: true })).toBe(true);
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(true)).toContain('--no-sandbox');
  });

  it('runs headless, offline and quiet', () => {
    expect(chromiumArgs(false)).toEqual(
      expect.arrayContaining([
        '--headless',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ]),
    );
  });
});
