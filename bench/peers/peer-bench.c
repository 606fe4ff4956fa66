/*
 * The benchmark workloads on a Mesa software driver (llvmpipe or softpipe, chosen by
 * GALLIUM_DRIVER), through EGL's surfaceless platform and OpenGL ES 3.0, rendering into a
 * 1024x768 RGBA8 + DEPTH24_STENCIL8 framebuffer object.
 *
 * The workload file is written by bench/peers/main.ts from bench/workloads.ts, so both renderers
 * draw the same vertices with the same draws and states. Layout (little-endian):
 *   u32 magic 'SGBW' (0x57424753), draws, triangles per draw, flags, vertex floats, texture edge,
 *   then the floats (10 per vertex: position 4, colour 4, uv 2), then texture edge^2 RGBA texels.
 * flags: 1 upload the draw's vertices before each draw, 2 change a fragment-shader constant before
 * each draw, 4 depth test LEQUAL with writes, 8 source-alpha blending, 16 bilinear texture + MAD.
 *
 * One iteration = every draw of the workload, then glFinish. Prints one JSON line:
 *   {"renderer": ..., "version": ..., "pixel": [r,g,b,a], "samples_ms": [...], "cpu_ms": [...]}
 * samples_ms are wall-clock times; cpu_ms the CPU time of the whole process (all threads) in the
 * same iterations, which tells contention from other processes apart from the driver's own cost.
 * Usage: peer-bench <workload file> <min ms> <min samples>
 */
#define _POSIX_C_SOURCE 199309L
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES3/gl3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WIDTH 1024
#define HEIGHT 768
#define MAX_SAMPLES 100000

enum { F_UPLOAD = 1, F_CONST = 2, F_DEPTH = 4, F_BLEND = 8, F_TEXTURED = 16 };

static const char *VS =
    "#version 100\n"
    "attribute vec4 a_pos; attribute vec4 a_color; attribute vec2 a_uv;\n"
    "uniform vec4 u_row[4];\n"
    "varying vec4 v_color; varying vec2 v_uv;\n"
    "void main() {\n"
    "  gl_Position = vec4(dot(a_pos, u_row[0]), dot(a_pos, u_row[1]), dot(a_pos, u_row[2]), dot(a_pos, u_row[3]));\n"
    "  v_color = a_color; v_uv = a_uv;\n"
    "}\n";

static const char *FLAT_FS =
    "#version 100\n"
    "precision highp float;\n"
    "varying vec4 v_color; varying vec2 v_uv; uniform vec4 u_c0;\n"
    "void main() { gl_FragColor = v_color * u_c0; }\n";

static const char *TEXTURED_FS =
    "#version 100\n"
    "precision highp float;\n"
    "varying vec4 v_color; varying vec2 v_uv; uniform vec4 u_c0; uniform vec4 u_c1; uniform sampler2D s0;\n"
    "void main() { gl_FragColor = texture2D(s0, v_uv) * u_c0 + u_c1; }\n";

static void die(const char *what) {
  fprintf(stderr, "peer-bench: %s\n", what);
  exit(1);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint32_t u32_at(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static GLuint shader(GLenum type, const char *src) {
  GLuint s = glCreateShader(type);
  GLint ok = 0;
  glShaderSource(s, 1, &src, NULL);
  glCompileShader(s);
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024];
    glGetShaderInfoLog(s, sizeof log, NULL, log);
    fprintf(stderr, "%s\n", log);
    die("shader does not compile");
  }
  return s;
}

static void egl_context(void) {
  PFNEGLGETPLATFORMDISPLAYEXTPROC get_display =
      (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
  if (!get_display) die("no eglGetPlatformDisplayEXT");
  EGLDisplay dpy = get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
  if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, NULL, NULL)) die("no surfaceless EGL display");
  const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES3_BIT, EGL_NONE};
  EGLConfig config;
  EGLint n = 0;
  if (!eglChooseConfig(dpy, config_attribs, &config, 1, &n) || n < 1) die("no ES3 EGL config");
  if (!eglBindAPI(EGL_OPENGL_ES_API)) die("eglBindAPI");
  const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 0, EGL_NONE};
  EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, context_attribs);
  if (ctx == EGL_NO_CONTEXT) die("eglCreateContext");
  if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) die("eglMakeCurrent (surfaceless)");
}

static void framebuffer(void) {
  GLuint fbo, rb[2];
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glGenRenderbuffers(2, rb);
  glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, WIDTH, HEIGHT);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[0]);
  glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, WIDTH, HEIGHT);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, rb[1]);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) die("framebuffer incomplete");
  glViewport(0, 0, WIDTH, HEIGHT);
  glClearColor(0, 0, 0, 1);
  glClearDepthf(1);
  glClearStencil(0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

int main(int argc, char **argv) {
  if (argc != 4) die("usage: peer-bench <workload file> <min ms> <min samples>");
  double min_ms = atof(argv[2]);
  long min_samples = atol(argv[3]);

  FILE *f = fopen(argv[1], "rb");
  if (!f) die("cannot open the workload file");
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  if (size < 24) die("workload file too short");
  unsigned char *file = malloc((size_t)size);
  if (!file || fread(file, 1, (size_t)size, f) != (size_t)size) die("cannot read the workload file");
  fclose(f);
  if (u32_at(file) != 0x57424753u) die("bad workload magic");
  uint32_t draws = u32_at(file + 4), tris = u32_at(file + 8), flags = u32_at(file + 12);
  uint32_t floats = u32_at(file + 16), tex = u32_at(file + 20);
  if (floats > 50u * 1000 * 1000 || tex > 4096 || draws > 1000000 || tris > 10000000) die("workload out of range");
  uint64_t need = 24 + (uint64_t)floats * 4 + (uint64_t)tex * tex * 4;
  if ((uint64_t)size != need) die("workload file size does not match its header");
  if ((uint64_t)draws * tris * 3 * 10 > floats) die("draws reach past the vertices");
  const float *vertices = (const float *)(file + 24);
  const unsigned char *texels = file + 24 + (size_t)floats * 4;

  egl_context();
  framebuffer();

  GLuint prog = glCreateProgram();
  glAttachShader(prog, shader(GL_VERTEX_SHADER, VS));
  glAttachShader(prog, shader(GL_FRAGMENT_SHADER, (flags & F_TEXTURED) ? TEXTURED_FS : FLAT_FS));
  glBindAttribLocation(prog, 0, "a_pos");
  glBindAttribLocation(prog, 1, "a_color");
  glBindAttribLocation(prog, 2, "a_uv");
  glLinkProgram(prog);
  GLint linked = 0;
  glGetProgramiv(prog, GL_LINK_STATUS, &linked);
  if (!linked) die("program does not link");
  glUseProgram(prog);
  const float rows[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  glUniform4fv(glGetUniformLocation(prog, "u_row"), 4, rows);
  GLint c0 = glGetUniformLocation(prog, "u_c0");
  const float const_values[2][4] = {{1, 1, 1, 1}, {0.5f, 0.75f, 1, 1}};
  glUniform4fv(c0, 1, const_values[0]);
  if (flags & F_TEXTURED) {
    const float zero[4] = {0, 0, 0, 0};
    glUniform4fv(glGetUniformLocation(prog, "u_c1"), 1, zero);
    glUniform1i(glGetUniformLocation(prog, "s0"), 0);
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, (GLsizei)tex, (GLsizei)tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_REPEAT);
  }

  GLuint vbo;
  glGenBuffers(1, &vbo);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)floats * 4, vertices, (flags & F_UPLOAD) ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 40, (const void *)0);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 40, (const void *)16);
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, 40, (const void *)32);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);

  glDisable(GL_CULL_FACE);
  if (flags & F_DEPTH) {
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDepthMask(GL_TRUE);
  } else {
    glDisable(GL_DEPTH_TEST);
  }
  if (flags & F_BLEND) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  }

  const GLsizei per_draw = (GLsizei)(tris * 3);
  const size_t draw_bytes = (size_t)per_draw * 40;
  double *samples = malloc(sizeof(double) * MAX_SAMPLES);
  double *cpu = malloc(sizeof(double) * MAX_SAMPLES);
  if (!samples || !cpu) die("out of memory");
  long n = 0;
  /* Warm up for at least two iterations and 200 ms: llvmpipe compiles shader and state variants on
     first use, and the caches and CPU frequency settle. */
  int warming = 1;
  long warm_iterations = 0;
  double warm_start = now_ms();
  while (n < MAX_SAMPLES) {
    double c0_ms = cpu_ms();
    double t0 = now_ms();
    for (uint32_t i = 0; i < draws; i++) {
      if (flags & F_UPLOAD)
        glBufferSubData(GL_ARRAY_BUFFER, (GLintptr)(i * draw_bytes), (GLsizeiptr)draw_bytes, (const char *)vertices + i * draw_bytes);
      if (flags & F_CONST) glUniform4fv(c0, 1, const_values[i & 1]);
      glDrawArrays(GL_TRIANGLES, (GLint)(i * (uint32_t)per_draw), per_draw);
    }
    glFinish();
    double t1 = now_ms();
    double c1_ms = cpu_ms();
    if (warming) {
      warming = ++warm_iterations < 2 || t1 - warm_start < 200;
      continue;
    }
    cpu[n] = c1_ms - c0_ms;
    samples[n++] = t1 - t0;
    double total = 0;
    for (long k = 0; k < n; k++) total += samples[k];
    if (n >= min_samples && total >= min_ms) break;
  }
  if (glGetError() != GL_NO_ERROR) die("GL error");

  unsigned char px[4] = {0, 0, 0, 0};
  glReadPixels(1, HEIGHT - 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
  printf("{\"renderer\": \"%s\", \"version\": \"%s\", \"pixel\": [%u, %u, %u, %u], \"samples_ms\": [",
         (const char *)glGetString(GL_RENDERER), (const char *)glGetString(GL_VERSION), px[0], px[1], px[2], px[3]);
  for (long k = 0; k < n; k++) printf("%s%.6f", k ? ", " : "", samples[k]);
  printf("], \"cpu_ms\": [");
  for (long k = 0; k < n; k++) printf("%s%.6f", k ? ", " : "", cpu[k]);
  printf("]}\n");
  return 0;
}
