/**
 * SURFACE_DMA round trips built as traces: upload from one kind of guest memory, download into
 * another, and compare the guest bytes the device wrote with the ones worked out by hand.
 *
 * The three kinds of memory a guest pointer can name: a GMR2 region (DEFINE_GMR2 + REMAP_GMR2 of
 * two discontiguous pages), a GMR v1 region (SVGA_REG_GMR_ID + GMR_DESCRIPTOR with a descriptor
 * page in guest memory), and VRAM through SVGA_GMR_FRAMEBUFFER.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/common/diagnostics.js';
import { SvgaDevice } from '../src/device/index.js';
import { SVGA3dSurfaceFormat as F } from '../src/formats/surface-formats.js';
import { replayTrace } from '../src/replay/replay-trace.js';
import { CommandWriter, SVGA3dTransferType, SvgaReg } from '../src/svga3d-decoder/index.js';
import { TraceWriter } from '../src/trace/index.js';

const PAGE = 4096;
const FRAMEBUFFER = 0xfffffffe;
const GMR2_ID = 3;
const GMR1_ID = 5;
/** GMR2 pages: guest pages 0x210 and 0x214 (not adjacent). GMR v1: pages 0x300, 0x301 via a descriptor at 0x2f0. */
const GMR2_PPNS = [0x210, 0x214];
const GMR1_DESCRIPTOR_PPN = 0x2f0;
const GMR1_FIRST_PPN = 0x300;

function u32(values: readonly number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => v.setUint32(i * 4, x, true));
  return b;
}

/** Replays `trace`, keeping the device so guest memory can be read afterwards. */
function replay(trace: Uint8Array): { device: SvgaDevice; diagnostics: string[] } {
  let device: SvgaDevice | undefined;
  const summary = replayTrace(trace, {
    createDevice: ({ vramBytes, sink }) => (device = new SvgaDevice({ vramBytes, sink, drawBackend: null })),
  });
  return { device: device!, diagnostics: summary.diagnostics.map(formatDiagnostic) };
}

/** A trace with both GMRs defined and an 8×4 A8R8G8B8 surface (sid 1). */
function setup(): { t: TraceWriter; c: CommandWriter } {
  const t = new TraceWriter().config(16 * 1024 * 1024);
  // GMR v1: one run of 2 pages, then the terminator; the descriptor is read when GMR_DESCRIPTOR is written.
  t.guestWrite(GMR1_DESCRIPTOR_PPN * PAGE, u32([GMR1_FIRST_PPN, 2, 0, 0]));
  t.regWrite(SvgaReg.ID, 0x90000002).regWrite(SvgaReg.CONFIG_DONE, 1);
  t.regWrite(SvgaReg.GMR_ID, GMR1_ID).regWrite(SvgaReg.GMR_DESCRIPTOR, GMR1_DESCRIPTOR_PPN);
  const c = new CommandWriter()
    .defineGmr2({ gmrId: GMR2_ID, numPages: 2 })
    .remapGmr2({ gmrId: GMR2_ID, flags: 0, offsetPages: 0, numPages: 2, payload: u32(GMR2_PPNS) })
    .surfaceDefine({
      sid: 1,
      surfaceFlags: 0,
      format: F.A8R8G8B8,
      face: [1, 0, 0, 0, 0, 0].map((numMipLevels) => ({ numMipLevels })),
      sizes: [{ width: 8, height: 4, depth: 1 }],
    });
  return { t, c };
}

const texel = (x: number, y: number): number[] => [x, y, 0x40 + x, 0x80 + y];

describe('SURFACE_DMA round trips through guest memory kinds', () => {
  it('GMR2 → surface → GMR v1 with a guest pitch, a sub-box and a clipped box', () => {
    const { t, c } = setup();
    // The source image lives across the GMR2 page boundary: offset 4088, pitch 40 bytes (10 texels).
    const srcOffset = PAGE - 8;
    const pitch = 40;
    const image = new Uint8Array(4 * pitch);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 10; x++) image.set(texel(x, y), y * pitch + x * 4);
    // GMR2 offset o is guest address GMR2_PPNS[o >> 12] * 4096 + (o & 4095).
    t.guestWrite(GMR2_PPNS[0]! * PAGE + srcOffset, image.subarray(0, 8));
    t.guestWrite(GMR2_PPNS[1]! * PAGE, image.subarray(8));
    c.surfaceDma({
      guest: { ptr: { gmrId: GMR2_ID, offset: srcOffset }, pitch },
      host: { sid: 1, face: 0, mipmap: 0 },
      transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
      // Host (2,1) 4×2 from guest (3,1); and a box at host x = 6 of width 100, clipped to 2 texels.
      boxes: [
        { x: 2, y: 1, z: 0, w: 4, h: 2, d: 1, srcx: 3, srcy: 1, srcz: 0 },
        { x: 6, y: 0, z: 0, w: 100, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 },
      ],
    });
    // Download the whole surface tightly packed (pitch 0 = 32 bytes) into GMR v1 at offset 16.
    c.surfaceDma({
      guest: { ptr: { gmrId: GMR1_ID, offset: 16 }, pitch: 0 },
      host: { sid: 1, face: 0, mipmap: 0 },
      transfer: SVGA3dTransferType.READ_HOST_VRAM,
      boxes: [{ x: 0, y: 0, z: 0, w: 8, h: 4, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
    });
    const { device, diagnostics } = replay(t.fifo(c).checkpointSurface('surface', 1, 0, 0).finish());
    expect(diagnostics).toEqual([]);

    const got = device.readGuestMemory(GMR1_FIRST_PPN * PAGE + 16, 8 * 4 * 4);
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 8; x++) {
        let want = [0, 0, 0, 0];
        if (x >= 2 && x < 6 && y >= 1 && y < 3) want = texel(x - 2 + 3, y);
        if (x >= 6 && y === 0) want = texel(x - 6, 0);
        expect(Array.from(got.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4)), `texel (${x},${y})`).toEqual(want);
      }
    }
    // Bytes before the download's offset are untouched.
    expect(Array.from(device.readGuestMemory(GMR1_FIRST_PPN * PAGE, 16))).toEqual(new Array(16).fill(0));
  });

  it('VRAM → surface → GMR2 with the suffix: a download past maximumOffset writes nothing', () => {
    const { t, c } = setup();
    const rows = new Uint8Array(8 * 4 * 4);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 8; x++) rows.set(texel(x, y), (y * 8 + x) * 4);
    t.vramWrite(0x1000, rows);
    c.surfaceDma({
      guest: { ptr: { gmrId: FRAMEBUFFER, offset: 0x1000 }, pitch: 32 },
      host: { sid: 1, face: 0, mipmap: 0 },
      transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
      boxes: [{ x: 0, y: 0, z: 0, w: 8, h: 4, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
    });
    // Row 3 into GMR2 at offset 4092: 32 bytes that cross into the second page. Allowed up to 4124.
    c.surfaceDma({
      guest: { ptr: { gmrId: GMR2_ID, offset: PAGE - 4 }, pitch: 32 },
      host: { sid: 1, face: 0, mipmap: 0 },
      transfer: SVGA3dTransferType.READ_HOST_VRAM,
      boxes: [{ x: 0, y: 3, z: 0, w: 8, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
      suffix: { suffixSize: 12, maximumOffset: 32, flags: 0 },
    });
    // The same download with maximumOffset 31: one byte too far, so nothing at all is written.
    c.surfaceDma({
      guest: { ptr: { gmrId: GMR2_ID, offset: 64 }, pitch: 32 },
      host: { sid: 1, face: 0, mipmap: 0 },
      transfer: SVGA3dTransferType.READ_HOST_VRAM,
      boxes: [{ x: 0, y: 3, z: 0, w: 8, h: 1, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
      suffix: { suffixSize: 12, maximumOffset: 31, flags: 0 },
    });
    const { device, diagnostics } = replay(t.fifo(c).checkpointSurface('surface', 1, 0, 0).finish());
    expect(diagnostics.length).toBe(1);
    expect(diagnostics[0]).toMatch(/SURFACE_DMA/);

    const row3 = rows.subarray(3 * 32, 4 * 32);
    expect(Array.from(device.readGuestMemory(GMR2_PPNS[0]! * PAGE + PAGE - 4, 4))).toEqual(Array.from(row3.subarray(0, 4)));
    expect(Array.from(device.readGuestMemory(GMR2_PPNS[1]! * PAGE, 28))).toEqual(Array.from(row3.subarray(4)));
    expect(Array.from(device.readGuestMemory(GMR2_PPNS[0]! * PAGE + 64, 32))).toEqual(new Array(32).fill(0));
  });
});
