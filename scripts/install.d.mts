export type InstallFacts = { nodeModules: boolean; lock: number | null; installedLock: number | null };
export type InstallDecision = null | { command: 'ci' | 'install'; reason: 'missing' | 'lock-changed' };
export function installDecision(facts: InstallFacts): InstallDecision;
export function ensureDependencies(cwd?: string): void;
