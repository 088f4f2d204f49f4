/*
 * Checks the example table plugin through the C ABI alone (plain C99).
 *
 *   table_plugin_check TABLE_PLUGIN.so BUILTIN_PLUGIN.so [FILM_TABLE_MODEL]
 *
 * 1. Model "nbtin-6nm-table" (the shipped CSV: Eq. 20, C = a T^4) against
 *    a T^4 computed here from CODATA constants: C, dC/dT = 4C/T and the
 *    energy a T^5/5, at the table points and between them.
 * 2. Refusals: a parameter, T below and above the table, another thickness.
 * 3. With FILM_TABLE_MODEL (a table the test wrote from the built-in "film"
 *    model, 60 points log-spaced over 0.5..40 K): the interpolant against
 *    "film" itself between the points, monotonicity, and the energy.
 * Prints the worst errors; exits 1 on any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "filmtherm/plugin.h"

#define MAX_POINTS 512

static int failures = 0;

static void check(int condition, const char* what) {
  if (!condition) {
    fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

static const filmtherm_plugin* load(const char* path) {
  void* library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  void* symbol;
  filmtherm_plugin_entry_fn entry;
  if (library == NULL) {
    fprintf(stderr, "cannot load %s: %s\n", path, dlerror());
    return NULL;
  }
  symbol = dlsym(library, FILMTHERM_PLUGIN_ENTRY_SYMBOL);
  if (symbol == NULL) return NULL;
  memcpy(&entry, &symbol, sizeof(entry));
  return entry(); /* the library stays loaded until exit */
}

static const filmtherm_model* find_model(const filmtherm_plugin* plugin, const char* name) {
  size_t i;
  for (i = 0; plugin != NULL && i < plugin->model_count; ++i) {
    if (strcmp(plugin->models[i]->name, name) == 0) return plugin->models[i];
  }
  fprintf(stderr, "model '%s' not found\n", name);
  return NULL;
}

/* Evaluates count points at thickness d; returns the status, message in error. */
static int32_t evaluate(const filmtherm_model* model, void* instance, size_t count,
                        const double* temperature_K, double thickness_m, double* value,
                        double* slope, double* energy, char* error, size_t error_size) {
  double thickness[MAX_POINTS];
  filmtherm_evaluation e;
  size_t i;
  for (i = 0; i < count; ++i) thickness[i] = thickness_m;
  memset(&e, 0, sizeof(e));
  e.struct_size = (uint32_t)sizeof(e);
  e.count = count;
  e.temperature_K = temperature_K;
  e.film_thickness_m = thickness;
  e.value = value;
  e.value_slope = slope;
  e.energy_density = energy;
  error[0] = '\0';
  return model->evaluate(instance, &e, error, error_size);
}

static double relative_error(double value, double reference) {
  return fabs(value - reference) / fabs(reference);
}

static void check_power_law_table(const filmtherm_model* model) {
  /* Eq. 20 with d = 6 nm, v = 4000 m/s: C = a T^4. */
  const double pi = 3.14159265358979323846;
  const double k_B = 1.380649e-23, hbar = 6.62607015e-34 / (2.0 * pi); /* CODATA 2018, exact */
  const double zeta5 = 1.0369277551433699263313655, d = 6e-9, v = 4000.0;
  const double a =
      120.0 * zeta5 * 3.0 / (4.0 * pi * pi * pi) * d / (v * v * v * v) * k_B * pow(k_B / hbar, 4.0);
  double t[MAX_POINTS], c[MAX_POINTS], slope[MAX_POINTS], energy[MAX_POINTS];
  double worst_c = 0.0, worst_slope = 0.0, worst_energy = 0.0;
  char error[512];
  void* instance = NULL;
  double parameter = 1.0;
  size_t i, n = 0;
  int32_t status;

  status = model->create(&parameter, 1, &instance, error, sizeof(error));
  check(status == FILMTHERM_STATUS_INVALID_ARGUMENT, "a parameter is refused");
  status = model->create(NULL, 0, &instance, error, sizeof(error));
  check(status == FILMTHERM_STATUS_OK, "create without parameters");
  if (status != FILMTHERM_STATUS_OK) return;
  for (i = 0; i <= 76; ++i) t[n++] = 1.0 + 0.25 * (double)i; /* 1..20 K, knots and between */
  status = evaluate(model, instance, n, t, 6e-9, c, slope, energy, error, sizeof(error));
  check(status == FILMTHERM_STATUS_OK, "evaluate inside the table");
  for (i = 0; i < n && status == FILMTHERM_STATUS_OK; ++i) {
    const double c_ref = a * pow(t[i], 4.0);
    worst_c = fmax(worst_c, relative_error(c[i], c_ref));
    worst_slope = fmax(worst_slope, relative_error(slope[i], 4.0 * c_ref / t[i]));
    worst_energy = fmax(worst_energy, relative_error(energy[i], c_ref * t[i] / 5.0));
  }
  printf("nbtin-6nm-table vs a T^4: worst relative error C %.2e, dC/dT %.2e, energy %.2e\n",
         worst_c, worst_slope, worst_energy);
  /* The CSV holds 15 significant digits (5e-15) and a power law is a straight
   * line in ln C vs ln T, which Steffen's cubic reproduces up to rounding of
   * ln C (~1e-15 * |ln C|). */
  check(worst_c < 1e-12, "C equals the T^4 law to 1e-12");
  /* The slope divides differences of ln C by ln T spacings of ~0.1. */
  check(worst_slope < 1e-10, "dC/dT equals 4C/T to 1e-10");
  /* Energy: exact power law below 1 K plus 8-point Gauss-Legendre panels. */
  check(worst_energy < 1e-10, "energy equals C T / 5 to 1e-10");

  t[0] = 0.5;
  status = evaluate(model, instance, 1, t, 6e-9, c, NULL, NULL, error, sizeof(error));
  check(status == FILMTHERM_STATUS_OUT_OF_DOMAIN && strstr(error, "1 K to 20 K") != NULL,
        "0.5 K is refused, naming the range");
  t[0] = 25.0;
  status = evaluate(model, instance, 1, t, 6e-9, c, NULL, NULL, error, sizeof(error));
  check(status == FILMTHERM_STATUS_OUT_OF_DOMAIN && strstr(error, "1 K to 20 K") != NULL,
        "25 K is refused, naming the range");
  printf("above the table: %s\n", error);
  t[0] = 5.0;
  status = evaluate(model, instance, 1, t, 10e-9, c, NULL, NULL, error, sizeof(error));
  check(status == FILMTHERM_STATUS_OUT_OF_DOMAIN && strstr(error, "6e-09 m") != NULL,
        "a 10 nm film is refused, naming the table's 6 nm");
  printf("other thickness: %s\n", error);
  model->destroy(instance);
}

static void check_film_table(const filmtherm_model* table, const filmtherm_model* film) {
  double parameters[16];
  double t[MAX_POINTS], c[MAX_POINTS], e[MAX_POINTS], c_ref[MAX_POINTS], e_ref[MAX_POINTS];
  double worst_c = 0.0, worst_energy = 0.0;
  char error[512];
  void *table_instance = NULL, *film_instance = NULL;
  size_t i, n = 400;
  int monotone = 1;
  for (i = 0; i < film->parameter_count && i < 16; ++i) {
    const filmtherm_parameter* p = &film->parameters[i];
    parameters[i] = strcmp(p->name, "sound_velocity") == 0        ? 4000.0
                    : (p->flags & FILMTHERM_PARAMETER_NO_DEFAULT) ? NAN
                                                                  : p->default_value;
  }
  check(film->create(parameters, film->parameter_count, &film_instance, error, sizeof(error)) ==
            FILMTHERM_STATUS_OK,
        "create film");
  check(table->create(NULL, 0, &table_instance, error, sizeof(error)) == FILMTHERM_STATUS_OK,
        "create the film table");
  if (failures) return;
  /* 400 log-spaced points over the table's 0.5..40 K, mostly between knots. */
  for (i = 0; i < n; ++i) t[i] = 0.5 * pow(80.0, (double)i / (double)(n - 1));
  t[n - 1] = 40.0;
  check(evaluate(table, table_instance, n, t, 6e-9, c, NULL, e, error, sizeof(error)) ==
            FILMTHERM_STATUS_OK,
        "evaluate the film table");
  check(evaluate(film, film_instance, n, t, 6e-9, c_ref, NULL, e_ref, error, sizeof(error)) ==
            FILMTHERM_STATUS_OK,
        "evaluate film");
  for (i = 0; i < n; ++i) {
    worst_c = fmax(worst_c, relative_error(c[i], c_ref[i]));
    worst_energy = fmax(worst_energy, relative_error(e[i], e_ref[i]));
    if (i > 0 && !(c[i] > c[i - 1])) monotone = 0;
  }
  printf("film table (60 points, 0.5-40 K) vs film: worst relative error C %.2e, energy %.2e\n",
         worst_c, worst_energy);
  /* Knots h = 0.074 apart in ln T; Steffen's tangents are second order on
   * smooth monotone data, so ln C errs by ~h^3 |y'''| with h^3 = 4e-4 and
   * |y'''| < 1 as the log-slope bends from 4 to ~3; observed 9e-6 (C) and
   * 1e-6 (energy, the integral of the same interpolant; below 0.5 K film is
   * T^4 up to terms ~exp(-64), so the power-law start adds nothing). 1e-4 is
   * that bound, not a fit to the observation. */
  check(worst_c < 1e-4, "film table within 1e-4 of film between the points");
  check(worst_energy < 1e-4, "film-table energy within 1e-4 of film's");
  check(monotone, "the interpolant rises monotonically");
  table->destroy(table_instance);
  film->destroy(film_instance);
}

int main(int argc, char** argv) {
  const filmtherm_plugin* table_plugin;
  if (argc < 3) {
    fprintf(stderr, "usage: %s TABLE_PLUGIN.so BUILTIN_PLUGIN.so [FILM_TABLE_MODEL]\n", argv[0]);
    return 2;
  }
  table_plugin = load(argv[1]);
  check(table_plugin != NULL && table_plugin->abi_major == FILMTHERM_PLUGIN_ABI_MAJOR,
        "table plugin loads with this ABI");
  if (table_plugin == NULL) return 1;
  if (find_model(table_plugin, "nbtin-6nm-table")) {
    check_power_law_table(find_model(table_plugin, "nbtin-6nm-table"));
  } else {
    ++failures;
  }
  if (argc > 3) {
    const filmtherm_model* table = find_model(table_plugin, argv[3]);
    const filmtherm_model* film = find_model(load(argv[2]), "film");
    if (table != NULL && film != NULL) {
      check_film_table(table, film);
    } else {
      ++failures;
    }
  }
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
