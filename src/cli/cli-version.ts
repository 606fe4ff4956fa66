/**
 * The version `svga3d --version` prints. Kept equal to package.json's by a test, because the
 * bundled CLI cannot count on finding package.json at run time.
 */
export const SVGA3D_VERSION = '0.1.0';
