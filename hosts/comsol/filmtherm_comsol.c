/*
 * COMSOL Multiphysics external-function library over filmtherm's C API:
 * init(str) loads a material (comsol_setup.c), eval(func, ...) evaluates one of
 * the ft_* functions on a whole block of points with one C API call, and
 * getLastError() says why the last call failed. The conventions followed are
 * those of the COMSOL Multiphysics Programming Reference Manual (model.func(),
 * "External"): init returns nonzero on success and 0 on failure and may be
 * called several times; eval returns 1 for a real result and 0 on error;
 * inImag is NULL when every argument is real; every init or eval resets the
 * last error to "". docs/comsol.md is the user's side of this.
 *
 * One mutex serialises init and eval: init may replace the material while
 * COMSOL evaluates, and eval works in one scratch buffer grown once and then
 * reused, so that no block allocates.
 */
#define _POSIX_C_SOURCE 200809L

#include "filmtherm_comsol.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comsol_setup.h"
#include "filmtherm/filmtherm.h"

/* One COMSOL function: a property of the material and which of its outputs
 * (0 the value, 1 the slope in the first temperature, 2 in the second). */
typedef struct ft_function {
  const char* name;
  int property;
  int output;
  int arg_count;
  const char* args[3]; /* argument names with their SI units, for messages */
  int bath_arg;        /* the argument that may be 0 (a bath at 0 K); -1 none */
} ft_function;

static const ft_function functions[] = {
    {"ft_Cph", FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, 0, 2, {"T [K]", "d [m]", NULL}, -1},
    {"ft_dCph_dT", FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, 1, 2, {"T [K]", "d [m]", NULL}, -1},
    {"ft_Ce", FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, 0, 1, {"T [K]", NULL, NULL}, -1},
    {"ft_dCe_dT", FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, 1, 1, {"T [K]", NULL, NULL}, -1},
    {"ft_Pep", FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER, 0, 2, {"Te [K]", "Tph [K]", NULL}, -1},
    {"ft_dPep_dTe",
     FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER,
     1,
     2,
     {"Te [K]", "Tph [K]", NULL},
     -1},
    {"ft_dPep_dTph",
     FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER,
     2,
     2,
     {"Te [K]", "Tph [K]", NULL},
     -1},
    {"ft_Pesc", FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER, 0, 3, {"T [K]", "Tb [K]", "d [m]"}, 1},
    {"ft_dPesc_dT", FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER, 1, 3, {"T [K]", "Tb [K]", "d [m]"}, 1},
    {"ft_dPesc_dTb", FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER, 2, 3, {"T [K]", "Tb [K]", "d [m]"}, 1},
    {"ft_kappa", FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, 0, 1, {"T [K]", NULL, NULL}, -1},
    {"ft_dkappa_dT", FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, 1, 1, {"T [K]", NULL, NULL}, -1},
};
#define FUNCTION_COUNT (sizeof functions / sizeof functions[0])

static const char* const property_names[] = {
    "",
    "phonon heat capacity",
    "electron heat capacity",
    "electron-phonon power",
    "phonon escape power (give device= or escape= in the Initialization data)",
    "thermal conductivity"};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static comsol_setup setup;      /* the material of the last successful init */
static char init_failure[2048]; /* why the last init failed, for eval's message */
static char last_error[2048];   /* what getLastError returns */
static double* scratch = NULL;  /* 4 blocks: result, other output, C_ph, dC_ph/dT */
static size_t scratch_points = 0;

/* Keeps the message for getLastError; returns eval's and init's failure value. */
__attribute__((format(printf, 1, 2))) static int fail(const char* format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(last_error, sizeof last_error, format, args);
  va_end(args);
  return 0;
}

FILMTHERM_COMSOL_EXPORT int init(const char* str) {
  comsol_setup fresh;
  int code, result = 1;
  pthread_mutex_lock(&lock);
  last_error[0] = '\0';
  /* COMSOL calls init once per External node and again before solving: the
   * same string again keeps the loaded material. */
  if (setup.init_string == NULL || str == NULL || strcmp(setup.init_string, str) != 0) {
    code = comsol_setup_load(str, &fresh, last_error, sizeof last_error);
    comsol_setup_release(&setup); /* a failed init leaves no material behind */
    if (code == FILMTHERM_OK) {
      setup = fresh;
      init_failure[0] = '\0';
    } else {
      memcpy(init_failure, last_error, sizeof init_failure);
      result = 0;
    }
  }
  pthread_mutex_unlock(&lock);
  return result;
}

FILMTHERM_COMSOL_EXPORT const char* getLastError(void) {
  return last_error;
}

/* COMSOL unloads the library when the model closes: the material and the
 * scratch buffer go with it, not at process exit. */
__attribute__((destructor)) static void unload(void) {
  comsol_setup_release(&setup);
  free(scratch);
  scratch = NULL;
  scratch_points = 0;
}

static const ft_function* find_function(const char* name) {
  size_t i;
  for (i = 0; i < FUNCTION_COUNT; ++i)
    if (strcmp(functions[i].name, name) == 0) return &functions[i];
  return NULL;
}

static int unknown_function(const char* name) {
  char list[512] = "";
  size_t i;
  for (i = 0; i < FUNCTION_COUNT; ++i) {
    strcat(list, i == 0 ? "" : ", ");
    strcat(list, functions[i].name);
  }
  return fail("eval: unknown function '%s'; the functions are %s", name, list);
}

/* Everything COMSOL passes, checked before anything is evaluated or written. */
static int check_call(const ft_function* f, int nArgs, const double** inReal, const double** inImag,
                      int blockSize, const double* outReal) {
  long i, k;
  if (nArgs != f->arg_count) {
    char expected[96];
    snprintf(expected, sizeof expected, "%s%s%s%s%s", f->args[0], f->arg_count > 1 ? ", " : "",
             f->arg_count > 1 ? f->args[1] : "", f->arg_count > 2 ? ", " : "",
             f->arg_count > 2 ? f->args[2] : "");
    return fail("eval: %s(%s) takes %d arguments, given %d", f->name, expected, f->arg_count,
                nArgs);
  }
  if (blockSize <= 0) return fail("eval: %s: blockSize is %d, must be >= 1", f->name, blockSize);
  if (inReal == NULL) return fail("eval: %s: inReal is NULL", f->name);
  if (outReal == NULL) return fail("eval: %s: outReal is NULL", f->name);
  for (i = 0; i < nArgs; ++i) {
    if (inReal[i] == NULL)
      return fail("eval: %s: inReal[%ld] (%s) is NULL", f->name, i, f->args[i]);
    /* COMSOL passes inImag when an argument is complex-valued; an imaginary
     * part that is exactly 0 everywhere is a real argument, any other is refused. */
    if (inImag != NULL && inImag[i] != NULL)
      for (k = 0; k < blockSize; ++k)
        if (inImag[i][k] != 0.0)
          return fail(
              "eval: %s: argument %s is complex at point %ld; filmtherm's functions are "
              "real (imaginary parts must be 0)",
              f->name, f->args[i], k);
  }
  for (i = 0; i < nArgs; ++i)
    for (k = 0; k < blockSize; ++k) {
      const double x = inReal[i][k];
      if (!isfinite(x) || x < 0.0 || (x == 0.0 && i != f->bath_arg)) {
        return fail(
            "eval: %s: argument %s is %.17g at point %ld: out of domain (must be finite "
            "and %s)",
            f->name, f->args[i], x, k, i == f->bath_arg ? ">= 0" : "> 0");
      }
    }
  return 1;
}

static int grow_scratch(size_t points) {
  double* grown;
  if (points <= scratch_points) return 1;
  grown = realloc(scratch, 4 * points * sizeof *grown);
  if (grown == NULL)
    return fail("eval: out of memory for a block of %lu points", (unsigned long)points);
  scratch = grown;
  scratch_points = points;
  return 1;
}

/* One C API call for the block (two for escape, whose laws need C_ph). */
static int evaluate(const ft_function* f, size_t n, const double** in, double* result) {
  const filmtherm_model_handle* model = setup.models[f->property];
  double* other = result + n; /* the value, when a slope is asked for */
  double* first = f->output == 1 ? result : NULL;
  double* second = f->output == 2 ? result : NULL;
  double* value = f->output == 0 ? result : other;
  switch (f->property) {
    case FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY:
      return filmtherm_phonon_heat_capacity(model, n, in[0], in[1], value, first, NULL);
    case FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY:
      return filmtherm_electron_heat_capacity(model, n, in[0], value, first, NULL);
    case FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER:
      return filmtherm_electron_phonon_power(model, n, in[0], in[1], value, first, second);
    case FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER: {
      double* c = result + 2 * n;
      double* dc = result + 3 * n;
      const filmtherm_model_handle* phonon = setup.models[FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY];
      int code = filmtherm_phonon_heat_capacity(phonon, n, in[0], in[2], c, dc, NULL);
      if (code != FILMTHERM_OK) return code;
      return filmtherm_phonon_escape_power(model, n, in[0], in[1], in[2], c, dc, value, first,
                                           second);
    }
    default:
      return filmtherm_thermal_conductivity(model, n, in[0], value, first);
  }
}

FILMTHERM_COMSOL_EXPORT int eval(const char* func, int nArgs, const double** inReal,
                                 const double** inImag, int blockSize, double* outReal,
                                 double* outImag) {
  const ft_function* f;
  int result = 0, code;
  (void)outImag; /* results are real: COMSOL reads outImag only when eval returns 2 */
  pthread_mutex_lock(&lock);
  last_error[0] = '\0';
  if (func == NULL) {
    fail("eval: the function name is NULL");
  } else if ((f = find_function(func)) == NULL) {
    unknown_function(func);
  } else if (setup.init_string == NULL) {
    fail("eval: %s: no material loaded: %s", f->name,
         init_failure[0] != '\0' ? init_failure : "init has not been called");
  } else if (setup.models[f->property] == NULL ||
             (f->property == FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER &&
              setup.models[FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY] == NULL)) {
    fail("eval: %s: the material gives no %s", f->name, property_names[f->property]);
  } else if (check_call(f, nArgs, inReal, inImag, blockSize, outReal) &&
             grow_scratch((size_t)blockSize)) {
    code = evaluate(f, (size_t)blockSize, inReal, scratch);
    if (code == FILMTHERM_OK) {
      /* Written only now, so a failed block leaves COMSOL's array as it was. */
      memcpy(outReal, scratch, (size_t)blockSize * sizeof *outReal);
      result = 1;
    } else {
      fail("eval: %s: %s (%s)", f->name, filmtherm_context_errmsg(setup.context),
           filmtherm_code_name(code));
    }
  }
  pthread_mutex_unlock(&lock);
  return result;
}
