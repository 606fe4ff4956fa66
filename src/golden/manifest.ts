/**
 * `golden/manifest.json`: per case and checkpoint image, the size and the SHA-256 of the decoded
 * RGBA pixels (never of PNG bytes: those depend on zlib). Serialised with sorted keys and one
 * entry per line, so a rebaseline is a readable diff.
 */

/** One expected image. */
export interface ManifestImage {
  readonly width: number;
  readonly height: number;
  /** Lower-case hex SHA-256 of the `width * height * 4` RGBA bytes, rows top to bottom. */
  readonly sha256: string;
  /** Whether `golden/expected/<case>/<image>.png` is stored (false: hash only). */
  readonly png: boolean;
}

/** The whole manifest: case name → checkpoint image name → expectation. */
export interface GoldenManifest {
  readonly version: 1;
  readonly cases: Readonly<Record<string, Readonly<Record<string, ManifestImage>>>>;
}

/** An empty manifest. */
export function emptyManifest(): GoldenManifest {
  return { version: 1, cases: {} };
}

const SHA = /^[0-9a-f]{64}$/;

function isImage(v: unknown): v is ManifestImage {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const dim = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= 0xffff_ffff;
  return dim(o['width']) && dim(o['height']) && typeof o['sha256'] === 'string' && SHA.test(o['sha256']) && typeof o['png'] === 'boolean';
}

/**
 * Parses manifest text. Returns the manifest, or the reason it is not one (the file is ours, but
 * a merge conflict or a hand edit can still break it, and the message should say where).
 */
export function parseManifest(text: string): { manifest: GoldenManifest } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof raw !== 'object' || raw === null) return { error: 'not an object' };
  const o = raw as Record<string, unknown>;
  if (o['version'] !== 1) return { error: `version ${JSON.stringify(o['version'])} is not 1` };
  const cases = o['cases'];
  if (typeof cases !== 'object' || cases === null || Array.isArray(cases)) return { error: "'cases' is not an object" };
  const out: Record<string, Record<string, ManifestImage>> = {};
  for (const [name, images] of Object.entries(cases)) {
    if (typeof images !== 'object' || images === null || Array.isArray(images)) return { error: `case '${name}' is not an object` };
    const entry: Record<string, ManifestImage> = {};
    for (const [image, value] of Object.entries(images)) {
      if (!isImage(value)) return { error: `case '${name}' image '${image}' needs width, height, sha256 (64 hex digits) and png` };
      entry[image] = { width: value.width, height: value.height, sha256: value.sha256, png: value.png };
    }
    out[name] = entry;
  }
  return { manifest: { version: 1, cases: out } };
}

/** Manifest text: sorted case and image names, one image per line, final newline. */
export function serializeManifest(manifest: GoldenManifest): string {
  const caseNames = Object.keys(manifest.cases).sort();
  const lines: string[] = ['{', '  "version": 1,', '  "cases": {'];
  caseNames.forEach((name, i) => {
    const images = manifest.cases[name] ?? {};
    const imageNames = Object.keys(images).sort();
    lines.push(`    ${JSON.stringify(name)}: {`);
    imageNames.forEach((image, j) => {
      const m = images[image];
      if (m === undefined) return;
      const body = `{ "width": ${m.width}, "height": ${m.height}, "sha256": "${m.sha256}", "png": ${m.png} }`;
      lines.push(`      ${JSON.stringify(image)}: ${body}${j < imageNames.length - 1 ? ',' : ''}`);
    });
    lines.push(`    }${i < caseNames.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}

/** A copy of `manifest` with case `name`'s images replaced (undefined: the case removed). */
export function withCase(
  manifest: GoldenManifest,
  name: string,
  images: Readonly<Record<string, ManifestImage>> | undefined,
): GoldenManifest {
  const cases: Record<string, Readonly<Record<string, ManifestImage>>> = { ...manifest.cases };
  if (images === undefined) delete cases[name];
  else cases[name] = images;
  return { version: 1, cases };
}
