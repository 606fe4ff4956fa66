/**
 * Names of the legacy `SVGA3dSurfaceFormat` values (prefix `SVGA3D_`), for printing. The ids and the
 * format table itself (block sizes, channel layouts) live in `src/formats`; this module only wraps the
 * ids for the printer. 23 and 45 carry the SDK names (2015+ headers call them FORMAT_DEAD1 /
 * FORMAT_DEAD2); 108 and 111 are the DX9-level BC4/BC5 formats (ATI1/ATI2 in 2015+ headers). DX10
 * formats are printed as numbers.
 */
import { SVGA3dSurfaceFormat } from '../../formats/surface-formats.js';
import { namedEnum } from './enum-table.js';

export const SVGA3dSurfaceFormatName = SVGA3dSurfaceFormat;
export const SVGA3dSurfaceFormatNameEnum = namedEnum('SVGA3dSurfaceFormat', 'SVGA3D_', SVGA3dSurfaceFormatName);
