/**
 * What a golden case is: a named, tagged trace whose checkpoint images are the expectation. Cases
 * are either typed scene scripts (built with `TraceWriter` + `CommandWriter`) or corpus traces
 * that were checked by eye before they were blessed.
 */

/** Device features a case needs; a case is added to the suite only once all of them render. */
export const GOLDEN_FEATURES = [
  'clear',
  'dma',
  'copy',
  'stretch',
  'mipmaps',
  '2d',
  'screen-object',
  'gmrfb',
  'readback',
  'cursor',
  'draw',
  'shader',
  'depth',
  'stencil',
  'blend',
  'texture',
  'fixed-function',
] as const;

/** One of {@link GOLDEN_FEATURES}. */
export type GoldenFeature = (typeof GOLDEN_FEATURES)[number];

/** Where a case's trace comes from. */
export type GoldenSource =
  /** A scene script: returns the trace bytes (uncompressed). Must be deterministic. */
  | { readonly kind: 'script'; readonly build: () => Uint8Array }
  /** A file of the corpus directory (`corpus/vmware-svga-sdk/<file>`). */
  | { readonly kind: 'corpus'; readonly file: string };

/** One case of the suite. */
export interface GoldenCase {
  /** Unique, `[a-z0-9][a-z0-9._/-]*`; also its directory under `golden/expected/`. */
  readonly name: string;
  /** One sentence: what the case shows and why its pixels are right. */
  readonly description: string;
  readonly tags: readonly string[];
  readonly needs: readonly GoldenFeature[];
  readonly source: GoldenSource;
  /**
   * Diagnostic codes this case provokes on purpose (a clipped box, say). Any other error or
   * warning diagnostic fails the case: a golden image made from a rejected command proves little.
   */
  readonly expectDiagnostics?: readonly number[];
  /**
   * Store the expected PNGs in the repository (`true`, the default for scripts) or only their
   * pixel hashes (`false`: large corpus frames; the diff then shows the actual image only).
   */
  readonly storePng?: boolean;
}

const NAME = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** Whether `name` is a valid case name (safe as a relative directory, no `..`). */
export function isValidCaseName(name: string): boolean {
  return name.length <= 200 && NAME.test(name) && !name.split('/').some((p) => p === '.' || p === '..');
}

/**
 * Checks a registry: names valid and unique, features known. Returns the problems found (empty
 * when the registry is sound) so a test can show them all at once.
 */
export function checkRegistry(cases: readonly GoldenCase[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const known = new Set<string>(GOLDEN_FEATURES);
  for (const c of cases) {
    if (!isValidCaseName(c.name)) problems.push(`case name '${c.name}' is not [a-z0-9._-] segments separated by /`);
    if (seen.has(c.name)) problems.push(`case name '${c.name}' is used twice`);
    seen.add(c.name);
    for (const f of c.needs) if (!known.has(f)) problems.push(`case '${c.name}' needs unknown feature '${f}'`);
    if (c.description.trim() === '') problems.push(`case '${c.name}' has no description`);
  }
  return problems;
}

/** Whether `pattern` selects case `name`: a name equal to the pattern is chosen alone (see {@link filterCases}). */
function matchesPattern(name: string, pattern: string): boolean {
  if (pattern.includes('*')) {
    const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return re.test(name);
  }
  return name.includes(pattern);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The cases `pattern` selects: the one case of exactly that name if there is one (so the update
 * command printed for a case touches only it), else every case whose name contains the pattern,
 * or matches it as a glob when it has `*`. No pattern: every case.
 */
export function filterCases<C extends { readonly name: string }>(cases: readonly C[], pattern: string | undefined): C[] {
  if (pattern === undefined || pattern === '') return [...cases];
  const exact = cases.filter((c) => c.name === pattern);
  if (exact.length > 0) return exact;
  return cases.filter((c) => matchesPattern(c.name, pattern));
}
