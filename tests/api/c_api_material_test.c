/*
 * The C host API's context, material and model functions, from C99:
 *   c_api_material_test <source dir>
 * loads examples/materials/nbtin.yaml, reads the NbTiN models and their
 * parameters (values, units, provenance), evaluates every property on arrays
 * against closed forms (C_e = gamma T above T_c, the acoustic-mismatch law,
 * Wiedemann-Franz), and passes NULL for every pointer argument, a count of 0,
 * and buffers of size 0, too small and NULL, expecting the documented code
 * and a message. Exit status: the number of failed checks.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "c_check.h"
#include "filmtherm/filmtherm.h"

#define N 16

static const double sigma_b = 86.9;     /* W m^-2 K^-4, as created below */
static const double gamma_nbtin = 200;  /* J m^-3 K^-2, examples/materials/nbtin.yaml */
static const double rho_nbtin = 2.0e-6; /* Ohm m */
static const double tc_nbtin = 8.5;     /* K */

static void check_versions(void) {
  const int version = filmtherm_api_version();
  CHECK(version == FILMTHERM_API_VERSION);
  CHECK(version / 1000 == FILMTHERM_API_VERSION_MAJOR);
  CHECK(strlen(filmtherm_version_string()) > 0);
  CHECK(strcmp(filmtherm_code_name(FILMTHERM_E_INPUT), "FILMTHERM_E_INPUT") == 0);
  CHECK(strcmp(filmtherm_code_name(12345), "unknown code") == 0);
}

static void check_strings(const filmtherm_material* material) {
  char buffer[64];
  char tiny[3];
  size_t length = 0;
  EXPECT_OK(filmtherm_material_name(material, buffer, sizeof buffer, &length));
  CHECK(strcmp(buffer, "NbTiN") == 0 && length == 5);
  EXPECT_OK(filmtherm_material_name(material, buffer, sizeof buffer, NULL));
  /* size 0 is a length query; too small truncates and still terminates */
  length = 0;
  EXPECT_CODE(filmtherm_material_name(material, NULL, 0, &length), FILMTHERM_E_BUFFER_TOO_SMALL);
  CHECK(length == 5);
  EXPECT_CODE(filmtherm_material_name(material, tiny, sizeof tiny, &length),
              FILMTHERM_E_BUFFER_TOO_SMALL);
  CHECK(strcmp(tiny, "Nb") == 0 && length == 5);
  EXPECT_CODE(filmtherm_material_name(material, buffer, 5, NULL), FILMTHERM_E_BUFFER_TOO_SMALL);
  CHECK(strcmp(buffer, "NbTi") == 0);
  EXPECT_NULL_ARGUMENT(filmtherm_material_name(material, NULL, 8, &length));
}

static void check_parameters(const filmtherm_material* material) {
  const filmtherm_model_handle* phonon = NULL;
  char text[256];
  size_t count = 0, i, found = (size_t)-1;
  int property = 0, thread_safe = 0, kind = -1;
  double value = 0;
  EXPECT_OK(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonon));
  EXPECT_OK(filmtherm_model_name(phonon, text, sizeof text, NULL));
  CHECK(strcmp(text, "film") == 0);
  EXPECT_OK(filmtherm_model_info(phonon, &property, &count, &thread_safe));
  CHECK(property == FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY);
  CHECK(thread_safe == 1);
  CHECK(count >= 1);
  EXPECT_OK(filmtherm_model_info(phonon, NULL, NULL, NULL));
  for (i = 0; i < count; ++i) {
    EXPECT_OK(filmtherm_model_parameter_string(phonon, i, FILMTHERM_PARAMETER_NAME, text,
                                               sizeof text, NULL));
    if (strcmp(text, "sound_velocity") == 0) found = i;
  }
  CHECK(found != (size_t)-1);
  if (found == (size_t)-1) return;
  EXPECT_OK(filmtherm_model_parameter_value(phonon, found, &value, &kind));
  CHECK(value == 4000.0);
  CHECK(kind == FILMTHERM_PROVENANCE_ASSUMED);
  EXPECT_OK(filmtherm_model_parameter_value(phonon, found, &value, NULL));
  EXPECT_OK(filmtherm_model_parameter_string(phonon, found, FILMTHERM_PARAMETER_UNIT, text,
                                             sizeof text, NULL));
  CHECK(strcmp(text, "m s^-1") == 0);
  EXPECT_OK(filmtherm_model_parameter_string(phonon, found, FILMTHERM_PARAMETER_TEXT, text,
                                             sizeof text, NULL));
  CHECK(strcmp(text, "4000 m/s") == 0);
  EXPECT_OK(filmtherm_model_parameter_string(phonon, found, FILMTHERM_PARAMETER_SOURCE, text,
                                             sizeof text, NULL));
  CHECK(strstr(text, "Zaccone") != NULL);
  EXPECT_OK(filmtherm_model_parameter_string(phonon, found, FILMTHERM_PARAMETER_DOC, text,
                                             sizeof text, NULL));
  CHECK(strlen(text) > 0);
  EXPECT_CODE(filmtherm_model_parameter_string(phonon, found, 99, text, sizeof text, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_model_parameter_string(phonon, count, 0, text, sizeof text, NULL),
              FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE(filmtherm_model_parameter_value(phonon, count, &value, NULL), FILMTHERM_E_NOT_FOUND);
  EXPECT_NULL_ARGUMENT(filmtherm_model_parameter_value(phonon, found, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_model_parameter_value(NULL, found, &value, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_model_parameter_string(NULL, 0, 0, text, sizeof text, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_model_parameter_string(phonon, 0, 0, NULL, 4, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_model_name(NULL, text, sizeof text, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_model_info(NULL, &property, NULL, NULL));
  /* A borrowed model is not the caller's to destroy: destroy ignores it. */
  filmtherm_model_destroy((filmtherm_model_handle*)phonon);
  EXPECT_OK(filmtherm_model_name(phonon, text, sizeof text, NULL));
}

static void check_evaluation(const filmtherm_context* context, const filmtherm_material* material,
                             const filmtherm_model_handle* escape) {
  const filmtherm_model_handle *phonon = NULL, *electron = NULL, *eph = NULL, *kappa = NULL;
  double t[N], t2[N], d[N], c[N], dc[N], u[N], p[N], dp1[N], dp2[N], k[N], dk[N];
  double tc = 0, rho = 0;
  const double lorenz = 3.14159265358979323846 * 3.14159265358979323846 / 3.0 *
                        (1.380649e-23 / 1.602176634e-19) * (1.380649e-23 / 1.602176634e-19);
  int i;
  EXPECT_OK(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonon));
  EXPECT_OK(
      filmtherm_material_model(material, FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, &electron));
  EXPECT_OK(filmtherm_material_model(material, FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER, &eph));
  EXPECT_OK(filmtherm_material_model(material, FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, &kappa));
  EXPECT_CODE(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER, &phonon),
              FILMTHERM_E_NOT_FOUND);
  CHECK(phonon == NULL);
  EXPECT_OK(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonon));
  EXPECT_CODE(filmtherm_material_model(material, 0, &phonon), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_material_model(material, 6, &phonon), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_OK(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonon));
  EXPECT_OK(filmtherm_material_critical_temperature(material, &tc));
  EXPECT_OK(filmtherm_material_normal_resistivity(material, &rho));
  CHECK(tc == tc_nbtin && rho == rho_nbtin);

  /* Above T_c: 10 K .. 25 K. */
  for (i = 0; i < N; ++i) {
    t[i] = 10.0 + i;
    t2[i] = 2.0 + 0.25 * i;
    d[i] = 6e-9;
  }
  EXPECT_OK(filmtherm_electron_heat_capacity(electron, N, t, c, dc, u));
  for (i = 0; i < N; ++i) {
    CHECK_CLOSE(c[i], gamma_nbtin * t[i], 1e-12);
    CHECK_CLOSE(dc[i], gamma_nbtin, 1e-12);
  }
  EXPECT_OK(filmtherm_electron_heat_capacity(electron, N, t, c, NULL, NULL));

  EXPECT_OK(filmtherm_thermal_conductivity(kappa, N, t, k, dk));
  for (i = 0; i < N; ++i) {
    CHECK_CLOSE(k[i], lorenz * t[i] / rho_nbtin, 1e-12);
    CHECK_CLOSE(dk[i], lorenz / rho_nbtin, 1e-12);
  }
  EXPECT_OK(filmtherm_thermal_conductivity(kappa, N, t, k, NULL));

  EXPECT_OK(filmtherm_electron_phonon_power(eph, N, t, t2, p, dp1, dp2));
  for (i = 0; i < N; ++i) CHECK(p[i] > 0 && dp1[i] > 0 && dp2[i] < 0);
  EXPECT_OK(filmtherm_electron_phonon_power(eph, N, t, t, p, NULL, NULL));
  for (i = 0; i < N; ++i) CHECK(p[i] == 0.0);

  EXPECT_OK(filmtherm_phonon_heat_capacity(phonon, N, t, d, c, dc, u));
  for (i = 0; i < N; ++i) CHECK(c[i] > 0 && dc[i] > 0 && u[i] > 0);
  EXPECT_OK(filmtherm_phonon_heat_capacity(phonon, N, t, d, c, NULL, NULL));

  EXPECT_OK(filmtherm_phonon_heat_capacity(phonon, N, t, d, c, dc, NULL));
  EXPECT_OK(filmtherm_phonon_escape_power(escape, N, t, t2, d, c, dc, p, dp1, dp2));
  for (i = 0; i < N; ++i) {
    CHECK_CLOSE(p[i], sigma_b / d[i] * (pow(t[i], 4) - pow(t2[i], 4)), 1e-12);
    CHECK_CLOSE(dp1[i], 4 * sigma_b / d[i] * pow(t[i], 3), 1e-12);
    CHECK_CLOSE(dp2[i], -4 * sigma_b / d[i] * pow(t2[i], 3), 1e-12);
  }
  t2[0] = 0.0; /* a bath at 0 K is allowed */
  EXPECT_OK(filmtherm_phonon_escape_power(escape, N, t, t2, d, c, dc, p, NULL, NULL));
  t2[0] = 2.0;

  /* Wrong property, count 0, out of domain. */
  EXPECT_CODE(filmtherm_phonon_heat_capacity(electron, N, t, d, c, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  CHECK(strstr(filmtherm_last_error(), "not the phonon heat capacity") != NULL);
  CHECK(strcmp(filmtherm_context_errmsg(context), filmtherm_last_error()) == 0);
  EXPECT_CODE(filmtherm_electron_heat_capacity(phonon, N, t, c, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_thermal_conductivity(eph, N, t, k, NULL), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_electron_phonon_power(kappa, N, t, t, p, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_phonon_escape_power(phonon, N, t, t2, d, c, dc, p, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_phonon_heat_capacity(phonon, 0, t, d, c, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_electron_heat_capacity(electron, 0, t, c, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_electron_phonon_power(eph, 0, t, t, p, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_phonon_escape_power(escape, 0, t, t2, d, c, dc, p, NULL, NULL),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_thermal_conductivity(kappa, 0, t, k, NULL), FILMTHERM_E_INVALID_ARGUMENT);
  t[3] = -1.0;
  EXPECT_CODE(filmtherm_phonon_heat_capacity(phonon, N, t, d, c, NULL, NULL),
              FILMTHERM_E_OUT_OF_DOMAIN);
  CHECK(strstr(filmtherm_last_error(), "temperature_K[3]") != NULL);
  t[3] = NAN;
  EXPECT_CODE(filmtherm_electron_heat_capacity(electron, N, t, c, NULL, NULL),
              FILMTHERM_E_OUT_OF_DOMAIN);
  t[3] = 13.0;
  d[5] = 0.0;
  EXPECT_CODE(filmtherm_phonon_heat_capacity(phonon, N, t, d, c, NULL, NULL),
              FILMTHERM_E_OUT_OF_DOMAIN);
  d[5] = 6e-9;
  t2[2] = -2.0;
  EXPECT_CODE(filmtherm_phonon_escape_power(escape, N, t, t2, d, c, dc, p, NULL, NULL),
              FILMTHERM_E_OUT_OF_DOMAIN);
  t2[2] = 2.0;

  /* Every required pointer, NULL in turn. */
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_heat_capacity(NULL, N, t, d, c, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_heat_capacity(phonon, N, NULL, d, c, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_heat_capacity(phonon, N, t, NULL, c, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_heat_capacity(phonon, N, t, d, NULL, dc, u));
  EXPECT_NULL_ARGUMENT(filmtherm_electron_heat_capacity(NULL, N, t, c, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_electron_heat_capacity(electron, N, NULL, c, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_electron_heat_capacity(electron, N, t, NULL, dc, u));
  EXPECT_NULL_ARGUMENT(filmtherm_electron_phonon_power(NULL, N, t, t2, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_electron_phonon_power(eph, N, NULL, t2, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_electron_phonon_power(eph, N, t, NULL, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_electron_phonon_power(eph, N, t, t2, NULL, dp1, dp2));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_escape_power(NULL, N, t, t2, d, c, dc, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_escape_power(escape, N, NULL, t2, d, c, dc, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_escape_power(escape, N, t, NULL, d, c, dc, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_escape_power(escape, N, t, t2, NULL, c, dc, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_escape_power(escape, N, t, t2, d, NULL, dc, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_escape_power(escape, N, t, t2, d, c, NULL, p, NULL, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_phonon_escape_power(escape, N, t, t2, d, c, dc, NULL, dp1, dp2));
  EXPECT_NULL_ARGUMENT(filmtherm_thermal_conductivity(NULL, N, t, k, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_thermal_conductivity(kappa, N, NULL, k, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_thermal_conductivity(kappa, N, t, NULL, dk));
  EXPECT_NULL_ARGUMENT(filmtherm_material_model(NULL, 1, &phonon));
  EXPECT_NULL_ARGUMENT(filmtherm_material_model(material, 1, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_material_critical_temperature(NULL, &tc));
  EXPECT_NULL_ARGUMENT(filmtherm_material_critical_temperature(material, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_material_normal_resistivity(NULL, &rho));
  EXPECT_NULL_ARGUMENT(filmtherm_material_normal_resistivity(material, NULL));
}

static void check_model_create(filmtherm_context* context, filmtherm_model_handle** escape) {
  const char* keys[] = {"boundary_coefficient"};
  const char* values[] = {"86.9 W/(m^2 K^4)"};
  const char* wrong_unit[] = {"86.9 W/(m^2 K)"};
  const char* null_value[] = {NULL};
  filmtherm_model_handle* model = NULL;
  char key[64];
  double value = 0;
  EXPECT_OK(filmtherm_model_create(context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
                                   "acoustic-mismatch", 1, keys, values, escape));
  EXPECT_OK(filmtherm_model_parameter_value(*escape, 0, &value, NULL));
  CHECK(value == sigma_b);
  EXPECT_CODE(filmtherm_model_create(context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
                                     "acoustic-mismatch", 1, keys, wrong_unit, &model),
              FILMTHERM_E_INVALID_ARGUMENT);
  CHECK(model == NULL);
  EXPECT_CODE_QUIET(filmtherm_context_error_key(context, key, sizeof key, NULL), FILMTHERM_OK);
  CHECK(strcmp(key, "boundary_coefficient") == 0);
  EXPECT_CODE(filmtherm_model_create(context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
                                     "acoustic-mismatch", 0, NULL, NULL, &model),
              FILMTHERM_E_INVALID_ARGUMENT); /* boundary_coefficient is required */
  EXPECT_CODE(filmtherm_model_create(context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
                                     "acoustic-mismatsh", 1, keys, values, &model),
              FILMTHERM_E_NOT_FOUND);
  CHECK(strstr(filmtherm_context_errmsg(context), "acoustic-mismatch") != NULL);
  EXPECT_CODE(filmtherm_model_create(context, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY,
                                     "acoustic-mismatch", 1, keys, values, &model),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE(filmtherm_model_create(context, 42, "acoustic-mismatch", 1, keys, values, &model),
              FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_NULL_ARGUMENT(
      filmtherm_model_create(NULL, 4, "acoustic-mismatch", 1, keys, values, &model));
  EXPECT_NULL_ARGUMENT(filmtherm_model_create(context, 4, NULL, 1, keys, values, &model));
  EXPECT_NULL_ARGUMENT(
      filmtherm_model_create(context, 4, "acoustic-mismatch", 1, NULL, values, &model));
  EXPECT_NULL_ARGUMENT(
      filmtherm_model_create(context, 4, "acoustic-mismatch", 1, keys, NULL, &model));
  EXPECT_NULL_ARGUMENT(
      filmtherm_model_create(context, 4, "acoustic-mismatch", 1, keys, null_value, &model));
  EXPECT_NULL_ARGUMENT(
      filmtherm_model_create(context, 4, "acoustic-mismatch", 1, keys, values, NULL));
  filmtherm_model_destroy(NULL);
}

static void check_context_and_library(filmtherm_context* context, const char* source_dir) {
  filmtherm_library* library = NULL;
  filmtherm_material* material = NULL;
  char path[4096], name[64];
  size_t count = 0, length = 0;
  int property = 0;
  EXPECT_OK(filmtherm_context_model_count(context, &count));
  CHECK(count >= 10);
  EXPECT_OK(filmtherm_context_model_name(context, 0, &property, name, sizeof name, &length));
  CHECK(property >= 1 && property <= 5 && length == strlen(name));
  EXPECT_CODE(filmtherm_context_model_name(context, count, NULL, name, sizeof name, NULL),
              FILMTHERM_E_NOT_FOUND);
  EXPECT_NULL_ARGUMENT(filmtherm_context_model_count(NULL, &count));
  EXPECT_NULL_ARGUMENT(filmtherm_context_model_count(context, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_context_model_name(NULL, 0, NULL, name, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_context_load_plugin(NULL, "x.so"));
  EXPECT_NULL_ARGUMENT(filmtherm_context_load_plugin(context, NULL));
  EXPECT_CODE(filmtherm_context_load_plugin(context, "/nonexistent/plugin.so"), FILMTHERM_E_PLUGIN);

  snprintf(path, sizeof path, "%s/examples/materials/nbtin.yaml", source_dir);
  EXPECT_NULL_ARGUMENT(filmtherm_library_load_file(NULL, path, &library));
  EXPECT_NULL_ARGUMENT(filmtherm_library_load_file(context, NULL, &library));
  EXPECT_NULL_ARGUMENT(filmtherm_library_load_file(context, path, NULL));
  EXPECT_CODE(filmtherm_library_load_file(context, "/nonexistent/library.yaml", &library),
              FILMTHERM_E_INPUT);
  CHECK(library == NULL);
  EXPECT_OK(filmtherm_library_load_file(context, path, &library));
  EXPECT_OK(filmtherm_library_material_count(library, &count));
  CHECK(count == 1);
  EXPECT_OK(filmtherm_library_material_name(library, 0, name, sizeof name, NULL));
  CHECK(strcmp(name, "NbTiN") == 0);
  EXPECT_CODE(filmtherm_library_material_name(library, 1, name, sizeof name, NULL),
              FILMTHERM_E_NOT_FOUND);
  EXPECT_NULL_ARGUMENT(filmtherm_library_material_count(NULL, &count));
  EXPECT_NULL_ARGUMENT(filmtherm_library_material_count(library, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_library_material_name(NULL, 0, name, sizeof name, NULL));
  EXPECT_CODE(filmtherm_material_create(library, "NbTIN", &material), FILMTHERM_E_NOT_FOUND);
  CHECK(strstr(filmtherm_last_error(), "did you mean 'NbTiN'") != NULL);
  CHECK(material == NULL);
  EXPECT_NULL_ARGUMENT(filmtherm_material_create(NULL, "NbTiN", &material));
  EXPECT_NULL_ARGUMENT(filmtherm_material_create(library, NULL, &material));
  EXPECT_NULL_ARGUMENT(filmtherm_material_create(library, "NbTiN", NULL));
  EXPECT_OK(filmtherm_material_create(library, "NbTiN", &material));
  /* A material outlives its library. */
  filmtherm_library_destroy(library);
  filmtherm_library_destroy(NULL);
  check_strings(material);
  check_parameters(material);
  {
    filmtherm_model_handle* escape = NULL;
    check_model_create(context, &escape);
    check_evaluation(context, material, escape);
    filmtherm_model_destroy(escape);
  }
  filmtherm_material_destroy(material);
  filmtherm_material_destroy(NULL);
}

static void check_errors(filmtherm_context* context) {
  filmtherm_context* other = NULL;
  int line = -1, column = -1;
  char file[64];
  double time_s = 0;
  EXPECT_NULL_ARGUMENT(filmtherm_context_create(NULL));
  CHECK(filmtherm_last_error_code() == FILMTHERM_E_INVALID_ARGUMENT);
  CHECK(strcmp(filmtherm_context_errmsg(NULL), "") != 0);
  CHECK(filmtherm_context_errcode(NULL) == FILMTHERM_E_INVALID_ARGUMENT);
  /* A fresh context has no error; one context's failure is not another's. */
  EXPECT_OK(filmtherm_context_create(&other));
  CHECK(filmtherm_context_errcode(other) == FILMTHERM_OK);
  CHECK(strcmp(filmtherm_context_errmsg(other), "") == 0);
  EXPECT_CODE(filmtherm_context_load_plugin(context, "/nonexistent.so"), FILMTHERM_E_PLUGIN);
  CHECK(filmtherm_context_errcode(context) == FILMTHERM_E_PLUGIN);
  CHECK(filmtherm_context_errcode(other) == FILMTHERM_OK);
  /* Not an input or solver error: no location, key or time. */
  EXPECT_CODE_QUIET(
      filmtherm_context_error_location(context, &line, &column, file, sizeof file, NULL),
      FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE_QUIET(filmtherm_context_error_key(context, file, sizeof file, NULL),
                    FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE_QUIET(filmtherm_context_error_time(context, &time_s), FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE_QUIET(filmtherm_context_error_location(NULL, &line, &column, file, sizeof file, NULL),
                    FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE_QUIET(filmtherm_context_error_location(context, NULL, NULL, NULL, 8, NULL),
                    FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE_QUIET(filmtherm_context_error_key(NULL, file, sizeof file, NULL),
                    FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE_QUIET(filmtherm_context_error_key(context, NULL, 8, NULL),
                    FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE_QUIET(filmtherm_context_error_time(NULL, &time_s), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_CODE_QUIET(filmtherm_context_error_time(context, NULL), FILMTHERM_E_INVALID_ARGUMENT);
  /* The getters did not overwrite the error they report. */
  CHECK(filmtherm_context_errcode(context) == FILMTHERM_E_PLUGIN);
  CHECK(strstr(filmtherm_context_errmsg(context), "nonexistent") != NULL);
  EXPECT_NULL_ARGUMENT(filmtherm_run_options_init(NULL));
  filmtherm_context_destroy(other);
  filmtherm_context_destroy(NULL);
}

int main(int argc, char** argv) {
  filmtherm_context* context = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s <filmtherm source dir>\n", argv[0]);
    return 2;
  }
  CHECK(filmtherm_last_error()[0] == '\0');
  CHECK(filmtherm_last_error_code() == FILMTHERM_OK);
  check_versions();
  EXPECT_OK(filmtherm_context_create(&context));
  if (context == NULL) return 1;
  check_errors(context);
  check_context_and_library(context, argv[1]);
  filmtherm_context_destroy(context);
  if (check_failures == 0) printf("c_api_material_test: all checks passed\n");
  return check_failures;
}
