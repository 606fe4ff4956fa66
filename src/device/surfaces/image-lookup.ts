/**
 * Resolving an `SVGA3dSurfaceImageId` to a surface and one of its images, with the diagnostics
 * every executor reports the same way.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { SurfaceImage } from '../surface-image.js';
import type { Surface, SurfaceSource } from './surface.js';
import type { SurfaceImageIdFields } from './surface-commands.js';
import { SurfaceDiagnostics as D } from './surface-diagnostics.js';

/** A resolved image: the surface, the image and where it is. */
export interface ResolvedImage {
  readonly surface: Surface;
  readonly image: SurfaceImage;
  readonly face: number;
  readonly mip: number;
}

/** Looks up (sid, face, mipmap); reports and returns undefined when any part is missing. */
export function resolveImage(
  store: SurfaceSource,
  id: SurfaceImageIdFields,
  role: string,
  report: ReportFn,
): ResolvedImage | undefined {
  const surface = store.get(id.sid);
  if (surface === undefined) {
    report(D.E_SURFACE_UNDEFINED, `${role} surface ${id.sid} is not defined`);
    return undefined;
  }
  const image = surface.image(id.face, id.mipmap);
  if (image === undefined) {
    report(
      D.E_IMAGE_RANGE,
      `${role} surface ${id.sid} has no face ${id.face} mipmap ${id.mipmap} ` +
        `(${surface.faceCount} faces, ${surface.mipLevels} levels)`,
    );
    return undefined;
  }
  return { surface, image, face: id.face, mip: id.mipmap };
}
