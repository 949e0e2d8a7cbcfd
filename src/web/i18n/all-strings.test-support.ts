/**
 * Every string of a language, all parts merged (`fr/*.json`, `en/*.json`): what the tests read the catalogue from.
 * The app itself loads the parts one by one (i18n.ts).
 */
type Tree = { [key: string]: unknown };

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof existing === 'object') {
      merge(existing as Tree, value as Tree);
    } else {
      into[key] = value;
    }
  }
  return into;
}

function mergeAll(files: Record<string, { default: Tree }>): Tree {
  return Object.values(files).reduce<Tree>((all, file) => merge(all, structuredClone(file.default)), {});
}

// biome-ignore lint/suspicious/noExplicitAny: a catalogue is read as JSON, its shape checked by the tests
export const fr: any = mergeAll(import.meta.glob<{ default: Tree }>('./fr/*.json', { eager: true }));
// biome-ignore lint/suspicious/noExplicitAny: as above
export const en: any = mergeAll(import.meta.glob<{ default: Tree }>('./en/*.json', { eager: true }));
