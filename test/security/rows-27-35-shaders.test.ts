/**
 * Hostile-input checklist rows 27–35: shader bytecode as an object (framing, version, register
 * indices), shader execution limits in a real draw (relative addressing, loops), shader
 * constants, shader memory budgets, query results and screen blits, replayed through the whole
 * device with the shader validator and the pipeline's draw backend.
 */
import { describe, expect, it } from 'vitest';
import { defineSurface, exec, expectSkipped, lines, replay, Trace, type Part } from './harness.js';
import { CID, decl, drawSetup, drawTriangle, f32, gmrSetup, GMR1_BYTES, listRange, RT, shader, wordBytes } from './scene.js';

const follow: Part = (t) => void t.fifo((w) => defineSurface(w, 9, 2, 2));
const context: Part = (t) => void t.fifo((w) => w.contextDefine({ cid: 1 }));
const VS = 'vs_2_0\ndcl_position v0\nmov oPos, v0';
const define = (type: number, words: number[], shid = 1) => (w: import('../../src/svga3d-decoder/index.js').CommandWriter) =>
  void w.shaderDefine({ cid: 1, shid, type, bytecode: wordBytes(words) });

/** Token-level view of assembled bytecode, to plant one bad field. */
function tokens(text: string): number[] {
  const b = shader(text);
  return [...new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4)];
}

describe('checklist rows 27–29: shader bytecode at SHADER_DEFINE', () => {
  it('row 27: shader framing', () => {
    let at = 0;
    const r = expectSkipped({
      setup: context,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.raw([1059, 12 + 6, 1, 1, 1, 0xfffe0200, 0x0000]); // size % 4 ≠ 0
          define(1, [0xfffe0200])(w); // one token
          define(1, [0xfffe0200, 0xfffffffe, 0x0000ffff])(w); // comment of 0x7fff tokens past the end
          define(1, tokens(VS).slice(0, -1))(w); // no END
          define(1, [...tokens(VS).slice(0, -1), 0x0001ffff])(w); // END ≠ 0x0000FFFF
          define(1, [])(w); // no bytecode at all
        }).offset;
      },
      follow,
    });
    const n = tokens(VS).length;
    expect(lines(r.hostile)).toEqual([
      `2003 E_SIZE_ALIGN #2 @${at} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${at + 28} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${at + 52} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${at + 84} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${at + 84 + 20 + 4 * (n - 1)} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${at + 84 + 2 * 20 + 4 * (2 * n - 1)} SHADER_DEFINE`,
    ]);
  });

  it('row 28: shader version / type', () => {
    let at = 0;
    const r = expectSkipped({
      setup: context,
      hostile: (t) => {
        at = t.fifo((w) => {
          define(1, tokens('ps_2_0\nmov oC0, c0'))(w); // PS bytecode in the VS slot
          define(2, tokens(VS))(w); // and the reverse
          define(1, [0xfffe0500, 0x0000ffff])(w); // vs_5_0
          define(1, [0xfffe0000, 0x0000ffff])(w); // vs_0_0
          define(3, tokens(VS))(w); // shader type 3 (GS) does not exist here
        }).offset;
      },
      follow,
    });
    const ps = tokens('ps_2_0\nmov oC0, c0').length;
    const vs = tokens(VS).length;
    const a = at + 20 + 4 * ps;
    const b = a + 20 + 4 * vs;
    expect(lines(r.hostile)).toEqual([
      `3423 E_SHADER_BYTECODE #2 @${at} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${a} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${b} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${b + 28} SHADER_DEFINE`,
      `3421 E_SHADER_TYPE #2 @${b + 56} SHADER_DEFINE`,
    ]);
    // Shader model 1 is D3D9 input too: vs_1_1 and ps_1_1 define without a word.
    const sm1 = new Trace();
    context(sm1);
    sm1.fifo((w) => {
      w.shaderDefine({ cid: 1, shid: 1, type: 1, bytecode: shader('vs_1_1\ndcl_position v0\nmov oPos, v0') });
      w.shaderDefine({ cid: 1, shid: 1, type: 2, bytecode: shader('ps_1_1\nmov r0, v0') });
    });
    expect(lines(replay(sm1.finish()).diagnostics)).toEqual([]);
  });

  it('row 29: register index beyond the shader model (c300, r40, v17, s20, oC5)', () => {
    /** Assembles `text` and sets the index of the one operand of register-type `type` to `index`. */
    const plant = (text: string, type: number, index: number) =>
      tokens(text).map((t, i) => (i > 0 && (t & 0x80000000) !== 0 && (((t >>> 28) & 7) | ((t >>> 8) & 0x18)) === type ? (t & ~0x7ff) | index : t));
    const cases = [
      plant('vs_2_0\ndcl_position v0\nmov r0, c1\nmov oPos, r0', 2, 300),
      plant('vs_2_0\nmov r1, c0\nmov oPos, r1', 0, 40),
      plant('vs_3_0\ndcl_position v1\ndcl_position o0\nmov o0, v1', 1, 17),
      plant('ps_2_0\ndcl t0\ndcl_2d s1\ntexld r0, t0, s1\nmov oC0, r0', 10, 20),
      plant('ps_2_0\nmov oC1, c0', 8, 5),
    ];
    let at = 0;
    const r = expectSkipped({
      setup: context,
      hostile: (t) => void (at = t.fifo((w) => cases.forEach((words, i) => define(i < 3 ? 1 : 2, words)(w))).offset),
      follow,
    });
    // The validator's own findings (4000s) come first, then the device's verdict on the define.
    const found = [
      ['4102 E_SHADER_REGISTER_INDEX'],
      ['4102 E_SHADER_REGISTER_INDEX', '4102 E_SHADER_REGISTER_INDEX'],
      ['4102 E_SHADER_REGISTER_INDEX', '4102 E_SHADER_REGISTER_INDEX', '4153 W_SHADER_UNDECLARED'],
      ['4102 E_SHADER_REGISTER_INDEX', '4102 E_SHADER_REGISTER_INDEX', '4153 W_SHADER_UNDECLARED'],
      ['4102 E_SHADER_REGISTER_INDEX'],
    ];
    let off = at;
    const expected = cases.flatMap((words, i) => {
      const here = [...found[i]!, '3423 E_SHADER_BYTECODE'].map((c) => `${c} #2 @${off} SHADER_DEFINE`);
      off += 20 + 4 * words.length;
      return here;
    });
    expect(lines(r.hostile)).toEqual(expected);
  });
});

/** The draw scene with vertex shader `vs` and a pixel shader passing the colour through. */
function shaderScene(vs: string, consts: { reg: number; ctype: number; values: number[][] }[]): Part {
  return (t) => {
    drawSetup(t);
    // Clip-space FLOAT4 positions covering the target, in a second buffer at VRAM 512.
    const clip = new Float32Array([-1, -1, 0.5, 1, 3, -1, 0.5, 1, -1, 3, 0.5, 1]);
    t.vramWrite(512, new Uint8Array(clip.buffer));
    t.fifo((w) => {
      defineSurface(w, 22, 48, 1, 37);
      w.surfaceDma({ guest: { ptr: { gmrId: 0xfffffffe, offset: 512 }, pitch: 0 }, host: { sid: 22, face: 0, mipmap: 0 }, transfer: 1, boxes: [{ x: 0, y: 0, z: 0, w: 48, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }] });
      w.shaderDefine({ cid: CID, shid: 1, type: 1, bytecode: shader(vs) });
      w.shaderDefine({ cid: CID, shid: 1, type: 2, bytecode: shader('ps_2_0\ndcl v0\nmov oC0, v0') });
      w.setShader({ cid: CID, type: 1, shid: 1 }).setShader({ cid: CID, type: 2, shid: 1 });
      for (const c of consts) w.setShaderConst({ cid: CID, reg: c.reg, type: 1, ctype: c.ctype, values: c.values as [number, number, number, number][] });
      w.drawPrimitives({ cid: CID, decls: [decl(3, 0, 0, 16, 22)], ranges: [listRange()] });
    });
  };
}

/** The first pixel of the target (X8R8G8B8 bytes B, G, R, X) after the scene. */
function firstPixel(part: Part): { pixel: number[]; diagnostics: string[] } {
  const t = new Trace();
  part(t);
  const r = replay(t.finish());
  return { pixel: [...r.device.surfaces.get(RT)!.image(0, 0)!.bytes.subarray(0, 4)], diagnostics: lines(r.diagnostics) };
}

describe('checklist rows 30–31: shader execution limits in a draw', () => {
  it('row 30: runtime relative address (a read outside the constant bank gives 0)', () => {
    const vs = 'vs_2_0\ndcl_position v0\nmova a0.x, c0.x\nmov oD0, c2[a0.x]\nmov oPos, v0';
    const red = [f32(1), 0, 0, f32(1)];
    const consts = (a: number) => [{ reg: 0, ctype: 0, values: [[f32(a), 0, 0, 0]] }, { reg: 3, ctype: 0, values: [red] }];
    // In range: a0.x = 1 reads c3 (red).
    expect(firstPixel(shaderScene(vs, consts(1)))).toEqual({ pixel: [0, 0, 0xff, 0xff], diagnostics: [] });
    // a0.x = 1e9 and −1e9 and 254 (c256, just past the bank): (0, 0, 0, 0), alpha included.
    for (const a of [1e9, -1e9, 254]) expect(firstPixel(shaderScene(vs, consts(a)))).toEqual({ pixel: [0, 0, 0, 0], diagnostics: [] });
  });

  it('row 31: loops and recursion (rep count clamped to 255, nesting past 4 rejected, recursion rejected)', () => {
    // r0 += 1/256 per iteration: 255 iterations give 255/256, stored as UNORM8 254.
    const vs = 'vs_2_0\ndcl_position v0\nmov r0, c1\nrep i0\nadd r0, r0, c2\nendrep\nmov oD0, r0\nmov oPos, v0';
    const consts = [
      { reg: 0, ctype: 1, values: [[0x7fffffff, 0, 0, 0]] },
      { reg: 1, ctype: 0, values: [[0, 0, 0, f32(1)]] },
      { reg: 2, ctype: 0, values: [[0, 0, f32(1 / 256), 0]] },
    ];
    expect(firstPixel(shaderScene(vs, consts))).toEqual({ pixel: [254, 0, 0, 0xff], diagnostics: [] });

    // The assembler refuses 5 nested reps, so the fifth rep/endrep pair is spliced into the
    // tokens of a 4-deep program.
    const four = tokens(['vs_3_0', 'dcl_position v0', 'dcl_position o0', ...Array<string>(4).fill('rep i0'), 'mov o0, v0', ...Array<string>(4).fill('endrep')].join('\n'));
    const rep = four.findIndex((t) => (t & 0xffff) === 0x26);
    const nested = [...four.slice(0, rep), four[rep]!, four[rep + 1]!, ...four.slice(rep, -1), 0x27, 0xffff];
    const recursive = shader('vs_3_0\ndcl_position v0\ndcl_position o0\nmov o0, v0\ncall l0\nret\nlabel l0\ncall l0\nret', { validate: false });
    let at = 0;
    const r = expectSkipped({
      setup: context,
      hostile: (t) => void (at = t.fifo((w) => { define(1, nested)(w); w.shaderDefine({ cid: 1, shid: 1, type: 1, bytecode: recursive }); }).offset),
      follow,
    });
    const second = at + 20 + 4 * nested.length;
    expect(lines(r.hostile)).toEqual([
      `4202 E_SHADER_NESTING #2 @${at} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${at} SHADER_DEFINE`,
      `4205 E_SHADER_RECURSION #2 @${second} SHADER_DEFINE`,
      `3423 E_SHADER_BYTECODE #2 @${second} SHADER_DEFINE`,
    ]);
  });
});

describe('checklist rows 32–35: constants, shader budgets, queries, screens', () => {
  it('row 32: shader constants', () => {
    let at = 0;
    const four = [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]] as [number, number, number, number][];
    const r = expectSkipped({
      setup: context,
      hostile: (t) => {
        at = t.fifo((w) => {
          w.setShaderConst({ cid: 1, reg: 255, type: 1, ctype: 0, values: four });
          w.setShaderConst({ cid: 1, reg: 0, type: 1, ctype: 7, values: [[1, 2, 3, 4]] });
          w.setShaderConst({ cid: 1, reg: 0xffffffff, type: 1, ctype: 0, values: [[1, 2, 3, 4]] });
          w.setShaderConst({ cid: 1, reg: 16, type: 1, ctype: 1, values: [[1, 2, 3, 4]] });
          w.setShaderConst({ cid: 1, reg: 0, type: 5, ctype: 0, values: [[1, 2, 3, 4]] });
        }).offset;
      },
      follow,
    });
    expect(lines(r.hostile)).toEqual([
      `3425 E_SHADER_CONST_RANGE #2 @${at} SET_SHADER_CONST`,
      `3426 E_SHADER_CONST_TYPE #2 @${at + 88} SET_SHADER_CONST`,
      `3425 E_SHADER_CONST_RANGE #2 @${at + 128} SET_SHADER_CONST`,
      `3425 E_SHADER_CONST_RANGE #2 @${at + 168} SET_SHADER_CONST`,
      `3421 E_SHADER_TYPE #2 @${at + 208} SET_SHADER_CONST`,
    ]);
  });

  it('row 33: shader memory exhaustion (5000 ids per context, 8 MiB of bytecode)', () => {
    // 5000 small shaders fill the id space; 5000 is no valid id.
    const t = new Trace();
    context(t);
    t.fifo((w) => { for (let shid = 0; shid <= 5000; shid++) w.shaderDefine({ cid: 1, shid, type: 1, bytecode: shader(VS) }); });
    const many = replay(t.finish());
    expect(lines(many.diagnostics)).toEqual([`3420 E_SHADER_ID #2 @${5000 * (20 + shader(VS).length) + t.last.offset} SHADER_DEFINE`]);
    expect(many.device.contexts.peek(1)!.shaders[0].size).toBe(5000);

    // Shaders of 254 KiB (a valid program padded with two comment blocks): the 8 MiB total
    // budget holds 32 of them; the 33rd is refused until one is destroyed.
    const pad = (n: number) => [0xfffe | (n << 16), ...Array<number>(n).fill(0x41414141)];
    const body = tokens(VS);
    const big = [body[0]!, ...pad(0x7fff), ...pad(0x7f00), ...body.slice(1)];
    const b = new Trace();
    context(b);
    const at = b.fifo((w) => { for (let shid = 0; shid < 33; shid++) define(1, big, shid)(w); }).offset;
    const full = replay(b.finish());
    expect(lines(full.diagnostics)).toEqual([`3424 E_SHADER_BUDGET #2 @${at + 32 * (20 + 4 * big.length)} SHADER_DEFINE`]);
    expect(exec(full, (w) => { w.shaderDestroy({ cid: 1, shid: 0, type: 1 }); define(1, big, 40)(w); })).toEqual([]);
    expect(full.device.contexts.peek(1)!.shaders[0].size).toBe(32);
  });

  it('row 34: query result write (outside the GMR or unmapped: skipped whole, the query stays active)', () => {
    let at = 0;
    const r = expectSkipped({
      // An active query that has counted the 16 samples of the 4×4 target; GMR 2 is defined but
      // none of its pages is mapped.
      setup: (t) => {
        gmrSetup(t);
        drawSetup(t);
        t.fifo((w) => {
          w.defineGmr2({ gmrId: 2, numPages: 1 });
          w.beginQuery({ cid: CID, type: 0 });
          drawTriangle(w);
        });
      },
      hostile: (t) => {
        at = t.fifo((w) => {
          for (const guestResult of [{ gmrId: 1, offset: GMR1_BYTES - 2 }, { gmrId: 1, offset: 0xffffffff }, { gmrId: 77, offset: 0 }, { gmrId: 2, offset: 0 }]) {
            w.endQuery({ cid: CID, type: 0, guestResult });
          }
        }).offset;
      },
      // A well-placed, unaligned END_QUERY then ends the query the hostile ones left active and
      // writes its 12 bytes with every sample: the state is the one without the hostile part.
      follow: (t) => void t.fifo((w) => w.endQuery({ cid: CID, type: 0, guestResult: { gmrId: 1, offset: 13 } })),
    });
    // Record 6 (CONFIG, two of gmrSetup, two of drawSetup, the query setup); END_QUERY is 24 bytes.
    expect(lines(r.hostile)).toEqual([0, 24, 48, 72].map((o) => `3442 E_QUERY_RESULT #6 @${at + o} END_QUERY`));
    expect(r.hostile.map((d) => d.message)).toEqual([
      '12-byte query result at offset 8190 does not fit GMR 0x1 of 8192 bytes',
      '12-byte query result at offset 4294967295 does not fit GMR 0x1 of 8192 bytes',
      'query result GMR 0x4d is not defined',
      '12-byte query result at offset 0 of GMR 0x2 touches a page the GMR does not map',
    ]);
    expect(r.withHostile.device.contexts.peek(CID)!.occlusionActive).toBe(true);
    expect([...r.withFollow.device.readGuestMemory(0x100000 + 13, 12)]).toEqual([12, 0, 0, 0, 1, 0, 0, 0, 16, 0, 0, 0]);
  });

  it('row 35: screen / present (screen 64, a rectangle off the screen, 100k clip rects)', () => {
    let at = 0;
    const r = expectSkipped({
      setup: (t) => {
        drawSetup(t);
        t.fifo((w) => {
          drawTriangle(w);
          w.defineScreen({ structSize: 28, id: 0, flags: 3, size: { width: 8, height: 8 }, root: { x: 0, y: 0 } });
        });
      },
      hostile: (t) => {
        at = t.fifo((w) => {
          const blit = (destScreenId: number, destRect: { left: number; top: number; right: number; bottom: number }, clipRects: typeof destRect[] = []) =>
            w.blitSurfaceToScreen({ srcImage: { sid: RT, face: 0, mipmap: 0 }, srcRect: { left: 0, top: 0, right: 4, bottom: 4 }, destScreenId, destRect, clipRects });
          blit(64, { left: 0, top: 0, right: 4, bottom: 4 });
          blit(0, { left: 100, top: 100, right: 104, bottom: 104 });
          blit(0, { left: 0, top: 0, right: 4, bottom: 4 }, Array.from({ length: 100_000 }, () => ({ left: 0, top: 0, right: 1, bottom: 1 })));
        }).offset;
      },
      follow: (t) => void t.fifo((w) => w.blitSurfaceToScreen({ srcImage: { sid: RT, face: 0, mipmap: 0 }, srcRect: { left: 0, top: 0, right: 4, bottom: 4 }, destScreenId: 0, destRect: { left: -2, top: 6, right: 2, bottom: 10 }, clipRects: [] })),
    });
    expect(lines(r.hostile)).toEqual([
      `3600 E_SCREEN_ID #4 @${at} BLIT_SURFACE_TO_SCREEN`,
      `3632 E_RECT_COUNT #4 @${at + 2 * 56} BLIT_SURFACE_TO_SCREEN`,
    ]);
    // The follow-up's destination hangs off two edges: only its 2×2 inside part lands, green.
    const screen = r.withFollow.device.readScreen(0)!;
    const px = (x: number, y: number) => [...screen.data.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4)];
    expect([px(0, 6), px(1, 7), px(2, 6), px(0, 5)]).toEqual([[0, 255, 0, 255], [0, 255, 0, 255], [0, 0, 0, 255], [0, 0, 0, 255]]);
  });
});
