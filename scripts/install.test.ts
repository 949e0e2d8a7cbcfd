import { describe, expect, it } from 'vitest';
import { installDecision } from './install.mjs';

describe('installDecision (npm start and npm test)', () => {
  it('installs the locked versions on a fresh clone', () => {
    expect(installDecision({ nodeModules: false, lock: 1000, installedLock: null })).toEqual({
      command: 'ci',
      reason: 'missing',
    });
  });

  it('installs when node_modules exists but npm never finished an install in it', () => {
    expect(installDecision({ nodeModules: true, lock: 1000, installedLock: null })).toEqual({
      command: 'ci',
      reason: 'missing',
    });
  });

  it('installs again when the lock file changed after the last install', () => {
    expect(installDecision({ nodeModules: true, lock: 2000, installedLock: 1000 })).toEqual({
      command: 'ci',
      reason: 'lock-changed',
    });
  });

  it('does nothing when the install is newer than the lock file', () => {
    expect(installDecision({ nodeModules: true, lock: 1000, installedLock: 2000 })).toBeNull();
    expect(installDecision({ nodeModules: true, lock: 1000, installedLock: 1000 })).toBeNull();
  });

  it('falls back to npm install without a lock file', () => {
    expect(installDecision({ nodeModules: false, lock: null, installedLock: null })).toEqual({
      command: 'install',
      reason: 'missing',
    });
    expect(installDecision({ nodeModules: true, lock: null, installedLock: 1000 })).toBeNull();
  });
});
