/*
 * Calls libfilmtherm_comsol.so the way COMSOL Multiphysics does: dlopen, then
 * dlsym of init, getLastError and eval, then init with the Initialization data
 * and eval on blocks of points (inReal[argument][point], inImag NULL).
 *   comsol_harness <filmtherm source dir> <path of libfilmtherm_comsol.so>
 * Checks: every function on blocks of 1, 7 and 1000 points (T 0.5-20 K,
 * d 3-20 nm) equals, bit for bit, the C API called directly on the same
 * block; slopes agree with central differences of the values; nothing is
 * written past the block; every error path (bad init strings, eval before
 * init, unknown names, wrong argument counts, NULL pointers, blockSize <= 0,
 * out-of-domain and complex inputs) returns 0 with a message and leaves
 * outReal untouched. Exit status: the number of failed checks.
 */
#define _POSIX_C_SOURCE 200809L

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "filmtherm/filmtherm.h"
#include "filmtherm_comsol.h"

#define MAX_POINTS 1000
#define SENTINEL -12345.0

static filmtherm_comsol_init_fn comsol_init;
static filmtherm_comsol_error_fn comsol_error;
static filmtherm_comsol_eval_fn comsol_eval;

/* The C API side: the same material and escape law, loaded directly. */
typedef struct reference {
  filmtherm_context* context;
  filmtherm_material* material;
  filmtherm_device* device;
  filmtherm_model_handle* escape_owned;
  const filmtherm_model_handle *phonon, *electron, *eph, *escape, *kappa;
} reference;

/* One function as the harness knows it: COMSOL name, its arguments (T a
 * temperature, P a phonon temperature, B a bath temperature, which may be 0,
 * d a thickness) and, for a slope, the function and argument it differentiates. */
typedef struct function_case {
  const char* name;
  const char* kinds;
  const char* value_of;
  int wrt;
} function_case;

static const function_case cases[] = {
    {"ft_Cph", "Td", NULL, 0},
    {"ft_dCph_dT", "Td", "ft_Cph", 0},
    {"ft_Ce", "T", NULL, 0},
    {"ft_dCe_dT", "T", "ft_Ce", 0},
    {"ft_Pep", "TP", NULL, 0},
    {"ft_dPep_dTe", "TP", "ft_Pep", 0},
    {"ft_dPep_dTph", "TP", "ft_Pep", 1},
    {"ft_Pesc", "PBd", NULL, 0},
    {"ft_dPesc_dT", "PBd", "ft_Pesc", 0},
    {"ft_dPesc_dTb", "PBd", "ft_Pesc", 1},
    {"ft_kappa", "T", NULL, 0},
    {"ft_dkappa_dT", "T", "ft_kappa", 0},
};
#define CASE_COUNT (sizeof cases / sizeof cases[0])

/* Input columns by kind: T, P, B, d. */
static double columns[4][MAX_POINTS];
static double out[MAX_POINTS + 1];
static double expected[MAX_POINTS];

/* Loads the three symbols as COMSOL does: by name, from a library opened at run time. */
static void* load_comsol(const char* path) {
  void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  void *init_symbol, *error_symbol, *eval_symbol;
  if (handle == NULL) {
    fprintf(stderr, "dlopen(%s): %s\n", path, dlerror());
    return NULL;
  }
  init_symbol = dlsym(handle, "init");
  error_symbol = dlsym(handle, "getLastError");
  eval_symbol = dlsym(handle, "eval");
  CHECK(init_symbol != NULL && error_symbol != NULL && eval_symbol != NULL);
  CHECK(dlsym(handle, "comsol_setup_load") == NULL); /* nothing else is exported */
  if (init_symbol == NULL || error_symbol == NULL || eval_symbol == NULL) return NULL;
  /* ISO C has no object-to-function pointer conversion; POSIX guarantees the bytes. */
  memcpy(&comsol_init, &init_symbol, sizeof comsol_init);
  memcpy(&comsol_error, &error_symbol, sizeof comsol_error);
  memcpy(&comsol_eval, &eval_symbol, sizeof comsol_eval);
  return handle;
}

/* eval failed, said why (naming `word` when it is not NULL), wrote nothing. */
#define EXPECT_EVAL_FAILS(call, word)                                                             \
  do {                                                                                            \
    int i_;                                                                                       \
    for (i_ = 0; i_ <= MAX_POINTS; ++i_) out[i_] = SENTINEL;                                      \
    CHECK((call) == 0);                                                                           \
    CHECK(comsol_error() != NULL && comsol_error()[0] != '\0');                                   \
    if ((word) != NULL && strstr(comsol_error(), (const char*)(word)) == NULL) {                  \
      fprintf(stderr, "%s:%d: message lacks '%s': %s\n", __FILE__, __LINE__, (const char*)(word), \
              comsol_error());                                                                    \
      ++check_failures;                                                                           \
    }                                                                                             \
    for (i_ = 0; i_ <= MAX_POINTS; ++i_) CHECK(out[i_] == SENTINEL);                              \
  } while (0)

#define EXPECT_INIT_FAILS(string, word)                                                         \
  do {                                                                                          \
    CHECK(comsol_init(string) == 0);                                                            \
    CHECK(comsol_error() != NULL && comsol_error()[0] != '\0');                                 \
    if (strstr(comsol_error(), word) == NULL) {                                                 \
      fprintf(stderr, "%s:%d: init(%s): message lacks '%s': %s\n", __FILE__, __LINE__, #string, \
              word, comsol_error());                                                            \
      ++check_failures;                                                                         \
    }                                                                                           \
  } while (0)

/* Points spread over T 0.5-20 K, T_ph 0.4-15 K, T_b 0-4 K (0 at every fifth
 * point: a bath at 0 K is allowed) and d 3-20 nm, in a fixed sequence. */
static void fill_inputs(int n) {
  int k;
  for (k = 0; k < n; ++k) {
    const double u = n == 1 ? 0.37 : (double)k / (n - 1), v = fmod(0.618034 * k + 0.1, 1.0);
    columns[0][k] = 0.5 + 19.5 * u;
    columns[1][k] = 0.4 + 14.6 * v;
    columns[2][k] = k % 5 == 0 ? 0.0 : 4.0 * v;
    columns[3][k] = 3e-9 + 17e-9 * fmod(0.754878 * k + 0.3, 1.0);
  }
}

/* The argument arrays of function case f, taken from `from` (laid out as columns). */
static int arguments(const function_case* f, double (*from)[MAX_POINTS], const double** in) {
  int a;
  for (a = 0; f->kinds[a] != '\0'; ++a) in[a] = from[strchr("TPBd", f->kinds[a]) - "TPBd"];
  return a;
}

/* The C API evaluated directly on the block, in the argument order of `name`. */
static int reference_eval(const reference* r, const char* name, int n, const double** in,
                          double* result) {
  static double value[MAX_POINTS], s1[MAX_POINTS], s2[MAX_POINTS], c[MAX_POINTS], dc[MAX_POINTS];
  const size_t count = (size_t)n;
  int code;
  double* pick;
  if (strstr(name, "Cph") != NULL) {
    code = filmtherm_phonon_heat_capacity(r->phonon, count, in[0], in[1], value, s1, NULL);
  } else if (strstr(name, "Ce") != NULL) {
    code = filmtherm_electron_heat_capacity(r->electron, count, in[0], value, s1, NULL);
  } else if (strstr(name, "Pep") != NULL) {
    code = filmtherm_electron_phonon_power(r->eph, count, in[0], in[1], value, s1, s2);
  } else if (strstr(name, "Pesc") != NULL) {
    code = filmtherm_phonon_heat_capacity(r->phonon, count, in[0], in[2], c, dc, NULL);
    if (code == FILMTHERM_OK)
      code = filmtherm_phonon_escape_power(r->escape, count, in[0], in[1], in[2], c, dc, value, s1,
                                           s2);
  } else {
    code = filmtherm_thermal_conductivity(r->kappa, count, in[0], value, s1);
  }
  pick = strncmp(name, "ft_d", 4) != 0                     ? value
         : (strstr(name, "_dTph") || strstr(name, "_dTb")) ? s2
                                                           : s1;
  memcpy(result, pick, count * sizeof *result);
  return code;
}

static void check_blocks(const reference* r) {
  static const int sizes[] = {1, 7, MAX_POINTS};
  size_t s, c;
  int k;
  for (s = 0; s < sizeof sizes / sizeof sizes[0]; ++s) {
    const int n = sizes[s];
    fill_inputs(n);
    for (c = 0; c < CASE_COUNT; ++c) {
      const char* name = cases[c].name;
      const double* in[3];
      const int args = arguments(&cases[c], columns, in);
      int mismatches = 0;
      for (k = 0; k <= MAX_POINTS; ++k) out[k] = SENTINEL;
      CHECK(comsol_eval(name, args, in, NULL, n, out, NULL) == 1);
      CHECK(comsol_error() != NULL && comsol_error()[0] == '\0');
      EXPECT_OK(reference_eval(r, name, n, in, expected));
      /* The same model code on the same inputs: identical bits, not merely close. */
      for (k = 0; k < n; ++k) mismatches += memcmp(&out[k], &expected[k], sizeof out[k]) != 0;
      if (mismatches > 0)
        fprintf(stderr, "%s, block %d: %d points differ from the C API (first %.17g vs %.17g)\n",
                name, n, mismatches, out[0], expected[0]);
      CHECK(mismatches == 0);
      CHECK(out[n] == SENTINEL); /* nothing past the block */
    }
  }
}

/* Each slope against the central difference of its function, step 1e-4 x. */
static void check_slopes(void) {
  static double plus_columns[4][MAX_POINTS], minus_columns[4][MAX_POINTS], slope[MAX_POINTS],
      plus[MAX_POINTS], minus[MAX_POINTS];
  const double tc = 8.5; /* NbTiN's T_c: C_e jumps there (BCS); no difference spans it */
  const int n = 200;
  size_t c;
  int k;
  fill_inputs(n);
  for (c = 0; c < CASE_COUNT; ++c) {
    const function_case* f = &cases[c];
    const double *in[3], *pin[3], *min[3];
    const int column = (int)(strchr("TPBd", f->kinds[f->wrt]) - "TPBd");
    int args;
    double worst = 0;
    if (f->value_of == NULL) continue;
    memcpy(plus_columns, columns, sizeof columns);
    memcpy(minus_columns, columns, sizeof columns);
    for (k = 0; k < n; ++k) {
      if (columns[column][k] == 0.0) columns[column][k] = 1.0; /* a 0 K bath has no T_b - h */
      plus_columns[column][k] = columns[column][k] * (1 + 1e-4);
      minus_columns[column][k] = columns[column][k] * (1 - 1e-4);
    }
    args = arguments(f, columns, in);
    arguments(f, plus_columns, pin);
    arguments(f, minus_columns, min);
    CHECK(comsol_eval(f->name, args, in, NULL, n, slope, NULL) == 1);
    CHECK(comsol_eval(f->value_of, args, pin, NULL, n, plus, NULL) == 1);
    CHECK(comsol_eval(f->value_of, args, min, NULL, n, minus, NULL) == 1);
    for (k = 0; k < n; ++k) {
      const double h = plus_columns[column][k] - minus_columns[column][k]; /* 2 steps, exact */
      const double fd = (plus[k] - minus[k]) / h;
      /* Relative to |slope|; where the slope vanishes, to the value's own scale. */
      const double scale = fabs(slope[k]) > 0 ? fabs(slope[k]) : fabs(plus[k]) / h + 1e-300;
      if (strstr(f->name, "Ce") != NULL && fabs(columns[0][k] - tc) < 1e-3 * tc) continue;
      if (fabs(fd - slope[k]) / scale > worst) worst = fabs(fd - slope[k]) / scale;
    }
    /* Truncation (a/T h/T)^2/6 for e^(-a/T) with a/T up to 30 at 0.5 K is about
     * 2e-6, rounding about 1e-16/1e-4: 1e-5 holds both with margin (the worst
     * seen is 1.8e-6, for dP_ep/dT_ph at low T_ph). */
    if (worst > 1e-5) fprintf(stderr, "%s: worst relative slope error %g\n", f->name, worst);
    CHECK(worst <= 1e-5);
    fill_inputs(n); /* undo the 0 K baths moved to 1 K */
  }
}

/* Every way a call can be wrong: 0, a message, outReal untouched. */
static void check_eval_errors(void) {
  static double t[MAX_POINTS], d[MAX_POINTS], zero[MAX_POINTS], imag[MAX_POINTS];
  const double *in[3] = {t, d, d}, *null_arg[2] = {t, NULL}, *complex_in[2] = {zero, imag};
  int k;
  for (k = 0; k < 7; ++k) {
    t[k] = 2.0 + k;
    d[k] = 6e-9;
    zero[k] = imag[k] = 0.0;
  }
  EXPECT_EVAL_FAILS(comsol_eval("ft_nope", 2, in, NULL, 7, out, NULL), "ft_Cph");
  EXPECT_EVAL_FAILS(comsol_eval("ft_cph", 2, in, NULL, 7, out, NULL), "unknown function");
  EXPECT_EVAL_FAILS(comsol_eval(NULL, 2, in, NULL, 7, out, NULL), "NULL");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 1, in, NULL, 7, out, NULL), "takes 2 arguments, given 1");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 3, in, NULL, 7, out, NULL), "given 3");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Pesc", 2, in, NULL, 7, out, NULL), "takes 3 arguments");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Ce", 0, in, NULL, 7, out, NULL), "given 0");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Ce", -1, in, NULL, 7, out, NULL), "given -1");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 2, NULL, NULL, 7, out, NULL), "inReal is NULL");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 2, null_arg, NULL, 7, out, NULL), "inReal[1]");
  CHECK(comsol_eval("ft_Cph", 2, in, NULL, 7, NULL, NULL) == 0);
  CHECK(strstr(comsol_error(), "outReal is NULL") != NULL);
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 2, in, NULL, 0, out, NULL), "blockSize is 0");
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 2, in, NULL, -5, out, NULL), "blockSize is -5");
  /* Out of domain: negative, zero, NaN and infinite temperatures, d = 0, T_b < 0. */
  t[3] = -1.0;
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 2, in, NULL, 7, out, NULL), "point 3");
  t[3] = 0.0;
  EXPECT_EVAL_FAILS(comsol_eval("ft_Ce", 1, in, NULL, 7, out, NULL), "out of domain");
  t[3] = NAN;
  EXPECT_EVAL_FAILS(comsol_eval("ft_kappa", 1, in, NULL, 7, out, NULL), "nan");
  t[3] = INFINITY;
  EXPECT_EVAL_FAILS(comsol_eval("ft_dPep_dTe", 2, in, NULL, 7, out, NULL), "inf");
  t[3] = 5.0;
  d[6] = 0.0;
  EXPECT_EVAL_FAILS(comsol_eval("ft_dCph_dT", 2, in, NULL, 7, out, NULL), "d [m]");
  d[6] = 6e-9;
  {
    double tb[7] = {1, 1, 1, 0, 1, 1, 1};
    const double* esc[3] = {t, tb, d};
    CHECK(comsol_eval("ft_Pesc", 3, esc, NULL, 7, out, NULL) == 1); /* T_b = 0 K is a bath */
    tb[2] = -0.5;
    EXPECT_EVAL_FAILS(comsol_eval("ft_Pesc", 3, esc, NULL, 7, out, NULL), "Tb [K]");
  }
  /* Complex arguments: all-zero imaginary parts are real input; others are refused. */
  in[2] = NULL;
  complex_in[1] = imag;
  CHECK(comsol_eval("ft_Cph", 2, in, complex_in, 7, out, NULL) == 1);
  memcpy(expected, out, 7 * sizeof *out);
  CHECK(comsol_eval("ft_Cph", 2, in, NULL, 7, out, NULL) == 1);
  CHECK(memcmp(expected, out, 7 * sizeof *out) == 0);
  imag[4] = 1e-3;
  EXPECT_EVAL_FAILS(comsol_eval("ft_Cph", 2, in, complex_in, 7, out, NULL), "complex");
  /* A success after a failure clears the message, as COMSOL requires. */
  CHECK(comsol_eval("ft_Ce", 1, in, NULL, 7, out, NULL) == 1);
  CHECK(comsol_error() != NULL && comsol_error()[0] == '\0');
}

static void check_init_errors(const char* nbtin) {
  char text[1024];
  EXPECT_INIT_FAILS(NULL, "NULL");
  EXPECT_INIT_FAILS("", "expected device=PATH");
  EXPECT_INIT_FAILS(" ; ", "expected device=PATH");
  snprintf(text, sizeof text, "%s NbTiN", nbtin);
  EXPECT_INIT_FAILS(text, "not KEY=VALUE");
  EXPECT_INIT_FAILS("library=/nonexistent/filmtherm/nbtin.yaml;material=NbTiN", "nonexistent");
  snprintf(text, sizeof text, "library=%s;material=Unobtainium", nbtin);
  EXPECT_INIT_FAILS(text, "Unobtainium");
  snprintf(text, sizeof text, "library=%s", nbtin);
  EXPECT_INIT_FAILS(text, "no material=");
  snprintf(text, sizeof text, "library=%s;material=NbTiN;colour=blue", nbtin);
  EXPECT_INIT_FAILS(text, "unknown key 'colour'");
  snprintf(text, sizeof text, "library=%s;material=NbTiN;material=NbN", nbtin);
  EXPECT_INIT_FAILS(text, "twice");
  snprintf(text, sizeof text, "library=%s;material=", nbtin);
  EXPECT_INIT_FAILS(text, "empty value");
  snprintf(text, sizeof text, "device=%s;material=NbTiN", nbtin);
  EXPECT_INIT_FAILS(text, "alone");
  snprintf(text, sizeof text, "library=%s;material=NbTiN;escape.boundary_coefficient=1", nbtin);
  EXPECT_INIT_FAILS(text, "without escape=MODEL");
  snprintf(text, sizeof text, "library=%s;material=NbTiN;escape=no-such-law", nbtin);
  EXPECT_INIT_FAILS(text, "no-such-law");
  snprintf(text, sizeof text,
           "library=%s;material=NbTiN;escape=acoustic-mismatch;escape.boundary_coefficient=lots",
           nbtin);
  EXPECT_INIT_FAILS(text, "escape model");
  /* A device file is not a material library, nor the other way round. */
  snprintf(text, sizeof text, "device=%s", nbtin);
  EXPECT_INIT_FAILS(text, "loading device");
}

static int load_reference(reference* r, const char* library_path, const char* device_path) {
  filmtherm_library* library = NULL;
  const filmtherm_material* film = NULL;
  const char* keys[1] = {"boundary_coefficient"};
  const char* values[1] = {"86.9 W/(m^2 K^4)"};
  memset(r, 0, sizeof *r);
  EXPECT_OK(filmtherm_context_create(&r->context));
  if (device_path != NULL) {
    EXPECT_OK(filmtherm_device_load_file(r->context, device_path, &r->device));
    EXPECT_OK(filmtherm_device_material(r->device, &film));
    EXPECT_OK(filmtherm_device_escape_model(r->device, &r->escape));
  } else {
    EXPECT_OK(filmtherm_library_load_file(r->context, library_path, &library));
    EXPECT_OK(filmtherm_material_create(library, "NbTiN", &r->material));
    filmtherm_library_destroy(library);
    EXPECT_OK(filmtherm_model_create(r->context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
                                     "acoustic-mismatch", 1, keys, values, &r->escape_owned));
    r->escape = r->escape_owned;
    film = r->material;
  }
  if (film == NULL || r->escape == NULL) return 0;
  EXPECT_OK(filmtherm_material_model(film, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &r->phonon));
  EXPECT_OK(
      filmtherm_material_model(film, FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, &r->electron));
  EXPECT_OK(filmtherm_material_model(film, FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER, &r->eph));
  EXPECT_OK(filmtherm_material_model(film, FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, &r->kappa));
  return 1;
}

static void release_reference(reference* r) {
  filmtherm_model_destroy(r->escape_owned);
  filmtherm_material_destroy(r->material);
  filmtherm_device_destroy(r->device);
  filmtherm_context_destroy(r->context);
}

int main(int argc, char** argv) {
  char nbtin[512], nbn[512], device[512], library_init[1024], device_init[600], other[600];
  const double t[2] = {3.0, 12.0};
  const double* in[1] = {t};
  double ce[2], nbn_ce[2];
  reference r;
  void* handle;
  if (argc != 3) {
    fprintf(stderr, "usage: %s <filmtherm source dir> <libfilmtherm_comsol.so>\n", argv[0]);
    return 1;
  }
  snprintf(nbtin, sizeof nbtin, "%s/examples/materials/nbtin.yaml", argv[1]);
  snprintf(nbn, sizeof nbn, "%s/examples/materials/nbn.yaml", argv[1]);
  snprintf(device, sizeof device, "%s/examples/devices/nbtin-6nm.yaml", argv[1]);
  handle = load_comsol(argv[2]);
  if (handle == NULL) return 1;

  /* Before any init: eval refuses and says to call init. */
  CHECK(comsol_error() != NULL && comsol_error()[0] == '\0');
  EXPECT_EVAL_FAILS(comsol_eval("ft_Ce", 1, in, NULL, 2, out, NULL), "init has not been called");

  check_init_errors(nbtin);
  /* After a failed init, eval repeats why. */
  EXPECT_EVAL_FAILS(comsol_eval("ft_Ce", 1, in, NULL, 2, out, NULL), "no material loaded");

  /* A material library with an escape law named in the string. */
  snprintf(library_init, sizeof library_init,
           " library = %s ; material = NbTiN ; escape = acoustic-mismatch ; "
           "escape.boundary_coefficient = 86.9 W/(m^2 K^4) ;",
           nbtin);
  CHECK(comsol_init(library_init) == 1);
  CHECK(comsol_error() != NULL && comsol_error()[0] == '\0');
  CHECK(comsol_init(library_init) == 1); /* again: kept, as COMSOL calls it per node */
  if (load_reference(&r, nbtin, NULL)) {
    check_blocks(&r);
    check_slopes();
    check_eval_errors();
  }
  release_reference(&r);

  /* A device file: its material and its substrate's escape law. */
  snprintf(device_init, sizeof device_init, "device=%s", device);
  CHECK(comsol_init(device_init) == 1);
  if (load_reference(&r, NULL, device)) check_blocks(&r);
  release_reference(&r);

  /* Without an escape law the escape functions refuse, the others work. */
  snprintf(other, sizeof other, "library=%s;material=NbN", nbn);
  CHECK(comsol_init(other) == 1);
  EXPECT_EVAL_FAILS(comsol_eval("ft_Pesc", 3, in, NULL, 1, out, NULL), "escape");
  /* A different string replaced NbTiN: C_e is NbN's now. */
  CHECK(comsol_eval("ft_Ce", 1, in, NULL, 2, nbn_ce, NULL) == 1);
  CHECK(comsol_init(library_init) == 1);
  CHECK(comsol_eval("ft_Ce", 1, in, NULL, 2, ce, NULL) == 1);
  CHECK(ce[1] != nbn_ce[1]);

  dlclose(handle);
  if (check_failures > 0) fprintf(stderr, "%d checks failed\n", check_failures);
  return check_failures;
}
