/*
 * A small C99 host of libfilmtherm (filmtherm/filmtherm.h):
 *
 *   c-api-host MATERIALS.yaml MATERIAL [DEVICE.yaml]
 *
 * loads a material library, evaluates the material's C_ph(T, d), C_e(T),
 * P_ep(T, T_b), kappa(T) and an acoustic-mismatch P_esc(T, T_b, d) for a 6 nm
 * film on a 2 K bath at T = 2, 4, ..., 20 K, and prints one row per
 * temperature. With a device file it also runs the device and prints, per
 * phonon model, the peak electron temperature read from the trace.
 */
#include <stdio.h>
#include <stdlib.h>

#include "filmtherm/filmtherm.h"

#define POINTS 10

/* Prints the context's message, and the place in the input when it has one. */
static int report(const filmtherm_context* context, int code) {
  char file[1024];
  int line = 0, column = 0;
  fprintf(stderr, "c-api-host: %s: %s\n", filmtherm_code_name(code),
          context ? filmtherm_context_errmsg(context) : filmtherm_last_error());
  if (context != NULL && filmtherm_context_error_location(context, &line, &column, file,
                                                          sizeof file, NULL) == FILMTHERM_OK) {
    fprintf(stderr, "  at %s:%d:%d\n", file, line, column);
  }
  return 1;
}

#define TRY(call)                                             \
  do {                                                        \
    const int code_ = (call);                                 \
    if (code_ != FILMTHERM_OK) return report(context, code_); \
  } while (0)

static int run_device(filmtherm_context* context, const char* path) {
  filmtherm_device* device = NULL;
  filmtherm_run* run = NULL;
  size_t variants = 0, variant, rows = 0, i;
  char name[64];
  double* t_e;
  TRY(filmtherm_device_load_file(context, path, &device));
  TRY(filmtherm_device_run(device, NULL, &run)); /* NULL: the device's own settings */
  filmtherm_device_destroy(device);
  TRY(filmtherm_run_variant_count(run, &variants));
  for (variant = 0; variant < variants; ++variant) {
    double peak = 0.0;
    TRY(filmtherm_run_variant_name(run, variant, name, sizeof name, NULL));
    TRY(filmtherm_run_trace_length(run, variant, &rows));
    t_e = malloc(rows * sizeof *t_e);
    if (t_e == NULL) return 1;
    TRY(filmtherm_run_trace_column(run, variant, "T_e_K", t_e, rows));
    for (i = 0; i < rows; ++i) peak = t_e[i] > peak ? t_e[i] : peak;
    printf("%s: peak T_e %.4f K over %lu output times\n", name, peak, (unsigned long)rows);
    free(t_e);
  }
  filmtherm_run_destroy(run);
  return 0;
}

int main(int argc, char** argv) {
  static const char* keys[] = {"boundary_coefficient"};
  static const char* values[] = {"86.9 W/(m^2 K^4)"};
  filmtherm_context* context = NULL;
  filmtherm_library* library = NULL;
  filmtherm_material* material = NULL;
  filmtherm_model_handle* escape = NULL;
  const filmtherm_model_handle *phonon, *electron, *eph, *kappa;
  double t[POINTS], bath[POINTS], d[POINTS], c_ph[POINTS], dc_ph[POINTS], c_e[POINTS];
  double p_ep[POINTS], p_esc[POINTS], k[POINTS];
  int i, status = 0;
  const int version = filmtherm_api_version();

  if (argc < 3) {
    fprintf(stderr, "usage: %s MATERIALS.yaml MATERIAL [DEVICE.yaml]\n", argv[0]);
    return 2;
  }
  /* The library must speak the API this host was compiled for. */
  if (version / 1000 != FILMTHERM_API_VERSION_MAJOR ||
      version % 1000 < FILMTHERM_API_VERSION_MINOR) {
    fprintf(stderr, "libfilmtherm API %d is not compatible with %d\n", version,
            FILMTHERM_API_VERSION);
    return 1;
  }
  /* No context yet: its failure is the thread's last error. */
  if (filmtherm_context_create(&context) != FILMTHERM_OK) {
    return report(NULL, filmtherm_last_error_code());
  }
  TRY(filmtherm_library_load_file(context, argv[1], &library));
  TRY(filmtherm_material_create(library, argv[2], &material));
  filmtherm_library_destroy(library); /* the material keeps what it needs */
  TRY(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonon));
  TRY(filmtherm_material_model(material, FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, &electron));
  TRY(filmtherm_material_model(material, FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER, &eph));
  TRY(filmtherm_material_model(material, FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, &kappa));
  /* Escape belongs to a substrate, not a material: make the model directly. */
  TRY(filmtherm_model_create(context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER, "acoustic-mismatch",
                             1, keys, values, &escape));

  for (i = 0; i < POINTS; ++i) {
    t[i] = 2.0 * (i + 1);
    bath[i] = 2.0;
    d[i] = 6e-9;
  }
  TRY(filmtherm_phonon_heat_capacity(phonon, POINTS, t, d, c_ph, dc_ph, NULL));
  TRY(filmtherm_electron_heat_capacity(electron, POINTS, t, c_e, NULL, NULL));
  TRY(filmtherm_electron_phonon_power(eph, POINTS, t, bath, p_ep, NULL, NULL));
  TRY(filmtherm_phonon_escape_power(escape, POINTS, t, bath, d, c_ph, dc_ph, p_esc, NULL, NULL));
  TRY(filmtherm_thermal_conductivity(kappa, POINTS, t, k, NULL));
  printf("%6s %14s %14s %14s %14s %14s\n", "T [K]", "C_ph [J/m3K]", "C_e [J/m3K]", "P_ep [W/m3]",
         "P_esc [W/m3]", "kappa [W/mK]");
  for (i = 0; i < POINTS; ++i) {
    printf("%6g %14.6e %14.6e %14.6e %14.6e %14.6e\n", t[i], c_ph[i], c_e[i], p_ep[i], p_esc[i],
           k[i]);
  }
  if (argc > 3) status = run_device(context, argv[3]);

  filmtherm_model_destroy(escape);
  filmtherm_material_destroy(material);
  filmtherm_context_destroy(context);
  return status;
}
