import { describe, expect, it } from 'vitest';
import { MemorySurfaces, contextWith, reporter } from './draw-test-support.js';
import { resolveTargets } from './resolve-targets.js';

describe('resolveTargets', () => {
  const surfaces = new MemorySurfaces().target(1, 8, 4).target(2, 8, 4).target(3, 16, 4).target(4, 32, 32, 8, 2);

  it('COLOR0–3, DEPTH and STENCIL through the surface store; the size is COLOR0’s', () => {
    const c = contextWith(undefined, undefined);
    c.renderTargets[2] = { sid: 1, face: 0, mip: 0 };
    c.renderTargets[4] = { sid: 2, face: 0, mip: 0 };
    c.renderTargets[0] = { sid: 4, face: 0, mip: 0 };
    const { list, report } = reporter();
    const r = resolveTargets(c, surfaces, report)!;
    expect([r.width, r.height]).toEqual([8, 4]);
    expect(r.targets.colors.map((t) => t?.image.width)).toEqual([8, undefined, 8, undefined]);
    // A larger depth buffer is fine.
    expect([r.targets.depth?.format, r.targets.depth?.image.width, r.targets.stencil]).toEqual([8, 32, undefined]);
    expect(list.items).toEqual([]);
  });

  it('a colour target of another size, or a missing image, is unbound with a diagnostic', () => {
    const c = contextWith(undefined, undefined);
    c.renderTargets[3] = { sid: 1, face: 0, mip: 0 };
    c.renderTargets[4] = { sid: 3, face: 0, mip: 0 };
    c.renderTargets[5] = { sid: 1, face: 0, mip: 1 };
    const { list, report } = reporter();
    const r = resolveTargets(c, surfaces, report)!;
    expect(r.targets.colors.map((t) => t?.image.width)).toEqual([undefined, 8, undefined, undefined]);
    expect(list.items.map((d) => [d.code, d.message])).toEqual([
      [5005, 'COLOR2 is 16×4, not 8×4 like the other colour targets; unbound for this draw'],
      [5005, 'COLOR3: surface 1 face 0 mip 1 does not exist; unbound for this draw'],
    ]);
  });

  it('depth alone gives the size; nothing bound skips the draw', () => {
    const c = contextWith(undefined, undefined);
    c.renderTargets[0] = { sid: 4, face: 0, mip: 0 };
    const { report } = reporter();
    expect(resolveTargets(c, surfaces, report)).toMatchObject({ width: 32, height: 32 });
    const none = contextWith(undefined, undefined);
    const { list, report: r2 } = reporter();
    expect(resolveTargets(none, surfaces, r2)).toBeUndefined();
    expect(list.items.map((d) => d.message)).toEqual(['no render target is bound; draw skipped']);
  });
});
