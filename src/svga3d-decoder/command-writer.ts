/**
 * `CommandWriter`: a typed builder of FIFO streams, one method per command, for tests, golden
 * cases and the trace writer. Every method encodes through `encodeCommand`, so streams are framed
 * exactly as the decoder expects; `raw` / `rawBytes` append anything at all, for hostile tests.
 */
import type { CommandBodyInput, CommandName } from './commands.js';
import { encodeCommand } from './encode-command.js';

type In<N extends CommandName> = CommandBodyInput<N>;

export class CommandWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  /** Bytes written so far (= the offset of the next command). */
  get byteLength(): number {
    return this.length;
  }

  /** Appends command `name` with `body` (counts and sizes are derived). */
  command<N extends CommandName>(name: N, body: In<N>): this {
    const words = encodeCommand({ name, body } as Parameters<typeof encodeCommand>[0]);
    return this.rawBytes(new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
  }

  /** Appends 32-bit words as they are (little-endian); values wrap like a C cast to uint32. */
  raw(words: ArrayLike<number>): this {
    const bytes = new Uint8Array(words.length * 4);
    const dv = new DataView(bytes.buffer);
    for (let i = 0; i < words.length; i++) dv.setUint32(i * 4, Number(words[i]), true);
    return this.rawBytes(bytes);
  }

  /** Appends bytes as they are (a copy), e.g. a stream that ends in half a word. */
  rawBytes(bytes: Uint8Array): this {
    this.chunks.push(bytes.slice());
    this.length += bytes.length;
    return this;
  }

  /** The whole stream, as FIFO bytes. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  // 3D commands (ids 1040–1071, 1080, 1081).
  surfaceDefine(b: In<'SURFACE_DEFINE'>): this { return this.command('SURFACE_DEFINE', b); }
  surfaceDestroy(b: In<'SURFACE_DESTROY'>): this { return this.command('SURFACE_DESTROY', b); }
  surfaceCopy(b: In<'SURFACE_COPY'>): this { return this.command('SURFACE_COPY', b); }
  surfaceStretchBlt(b: In<'SURFACE_STRETCHBLT'>): this { return this.command('SURFACE_STRETCHBLT', b); }
  surfaceDma(b: In<'SURFACE_DMA'>): this { return this.command('SURFACE_DMA', b); }
  contextDefine(b: In<'CONTEXT_DEFINE'>): this { return this.command('CONTEXT_DEFINE', b); }
  contextDestroy(b: In<'CONTEXT_DESTROY'>): this { return this.command('CONTEXT_DESTROY', b); }
  setTransform(b: In<'SETTRANSFORM'>): this { return this.command('SETTRANSFORM', b); }
  setZRange(b: In<'SETZRANGE'>): this { return this.command('SETZRANGE', b); }
  setRenderState(b: In<'SETRENDERSTATE'>): this { return this.command('SETRENDERSTATE', b); }
  setRenderTarget(b: In<'SETRENDERTARGET'>): this { return this.command('SETRENDERTARGET', b); }
  setTextureState(b: In<'SETTEXTURESTATE'>): this { return this.command('SETTEXTURESTATE', b); }
  setMaterial(b: In<'SETMATERIAL'>): this { return this.command('SETMATERIAL', b); }
  setLightData(b: In<'SETLIGHTDATA'>): this { return this.command('SETLIGHTDATA', b); }
  setLightEnabled(b: In<'SETLIGHTENABLED'>): this { return this.command('SETLIGHTENABLED', b); }
  setViewport(b: In<'SETVIEWPORT'>): this { return this.command('SETVIEWPORT', b); }
  setClipPlane(b: In<'SETCLIPPLANE'>): this { return this.command('SETCLIPPLANE', b); }
  clear(b: In<'CLEAR'>): this { return this.command('CLEAR', b); }
  present(b: In<'PRESENT'>): this { return this.command('PRESENT', b); }
  shaderDefine(b: In<'SHADER_DEFINE'>): this { return this.command('SHADER_DEFINE', b); }
  shaderDestroy(b: In<'SHADER_DESTROY'>): this { return this.command('SHADER_DESTROY', b); }
  setShader(b: In<'SET_SHADER'>): this { return this.command('SET_SHADER', b); }
  setShaderConst(b: In<'SET_SHADER_CONST'>): this { return this.command('SET_SHADER_CONST', b); }
  drawPrimitives(b: In<'DRAW_PRIMITIVES'>): this { return this.command('DRAW_PRIMITIVES', b); }
  setScissorRect(b: In<'SETSCISSORRECT'>): this { return this.command('SETSCISSORRECT', b); }
  beginQuery(b: In<'BEGIN_QUERY'>): this { return this.command('BEGIN_QUERY', b); }
  endQuery(b: In<'END_QUERY'>): this { return this.command('END_QUERY', b); }
  waitForQuery(b: In<'WAIT_FOR_QUERY'>): this { return this.command('WAIT_FOR_QUERY', b); }
  presentReadback(b: In<'PRESENT_READBACK'>): this { return this.command('PRESENT_READBACK', b); }
  blitSurfaceToScreen(b: In<'BLIT_SURFACE_TO_SCREEN'>): this { return this.command('BLIT_SURFACE_TO_SCREEN', b); }
  surfaceDefineV2(b: In<'SURFACE_DEFINE_V2'>): this { return this.command('SURFACE_DEFINE_V2', b); }
  generateMipmaps(b: In<'GENERATE_MIPMAPS'>): this { return this.command('GENERATE_MIPMAPS', b); }
  activateSurface(b: In<'ACTIVATE_SURFACE'>): this { return this.command('ACTIVATE_SURFACE', b); }
  deactivateSurface(b: In<'DEACTIVATE_SURFACE'>): this { return this.command('DEACTIVATE_SURFACE', b); }

  // 2D commands (ids 0–42 with known sizes).
  invalidCmd(): this { return this.command('INVALID_CMD', {}); }
  update(b: In<'UPDATE'>): this { return this.command('UPDATE', b); }
  rectFill(b: In<'RECT_FILL'>): this { return this.command('RECT_FILL', b); }
  rectCopy(b: In<'RECT_COPY'>): this { return this.command('RECT_COPY', b); }
  rectRopCopy(b: In<'RECT_ROP_COPY'>): this { return this.command('RECT_ROP_COPY', b); }
  defineCursor(b: In<'DEFINE_CURSOR'>): this { return this.command('DEFINE_CURSOR', b); }
  displayCursor(b: In<'DISPLAY_CURSOR'>): this { return this.command('DISPLAY_CURSOR', b); }
  moveCursor(b: In<'MOVE_CURSOR'>): this { return this.command('MOVE_CURSOR', b); }
  defineAlphaCursor(b: In<'DEFINE_ALPHA_CURSOR'>): this { return this.command('DEFINE_ALPHA_CURSOR', b); }
  updateVerbose(b: In<'UPDATE_VERBOSE'>): this { return this.command('UPDATE_VERBOSE', b); }
  frontRopFill(b: In<'FRONT_ROP_FILL'>): this { return this.command('FRONT_ROP_FILL', b); }
  /** FENCE with the given fence value. */
  fence(value: number): this { return this.command('FENCE', { fence: value }); }
  escape(b: In<'ESCAPE'>): this { return this.command('ESCAPE', b); }
  defineScreen(b: In<'DEFINE_SCREEN'>): this { return this.command('DEFINE_SCREEN', b); }
  destroyScreen(b: In<'DESTROY_SCREEN'>): this { return this.command('DESTROY_SCREEN', b); }
  defineGmrfb(b: In<'DEFINE_GMRFB'>): this { return this.command('DEFINE_GMRFB', b); }
  blitGmrfbToScreen(b: In<'BLIT_GMRFB_TO_SCREEN'>): this { return this.command('BLIT_GMRFB_TO_SCREEN', b); }
  blitScreenToGmrfb(b: In<'BLIT_SCREEN_TO_GMRFB'>): this { return this.command('BLIT_SCREEN_TO_GMRFB', b); }
  annotationFill(b: In<'ANNOTATION_FILL'>): this { return this.command('ANNOTATION_FILL', b); }
  annotationCopy(b: In<'ANNOTATION_COPY'>): this { return this.command('ANNOTATION_COPY', b); }
  defineGmr2(b: In<'DEFINE_GMR2'>): this { return this.command('DEFINE_GMR2', b); }
  remapGmr2(b: In<'REMAP_GMR2'>): this { return this.command('REMAP_GMR2', b); }
}
