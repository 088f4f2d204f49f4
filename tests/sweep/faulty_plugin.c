/* A plugin that misbehaves the way no loader check can catch: its phonon heat
 * capacity model, the Debye T^3 law, crashes the process or never returns for
 * chosen sound velocities. The sweep and run tests use it to show that a study
 * records such points as failed and goes on, and that `filmtherm run` names
 * the plugin and model that died.
 *   sound_velocity = 666 m/s: a store through a null pointer (SIGSEGV)
 *   sound_velocity = 555 m/s: abort() (SIGABRT)
 *   sound_velocity = 777 m/s: spins forever
 * Any other velocity: C = (2/5) pi^2 k_B (k_B T / (hbar v))^3 (Kittel,
 * Introduction to Solid State Physics, ch. 5), an implementation independent
 * of the built-in "debye-low-T" model, which the tests compare it with. */
#include <math.h>
#include <stdlib.h>

#include "filmtherm/plugin.h"

#define BOLTZMANN 1.380649e-23         /* J/K, exact (SI 2019) */
#define REDUCED_PLANCK 1.054571817e-34 /* J s, exact to these digits (SI 2019) */
#define PI 3.14159265358979323846

typedef struct faulty_instance {
  double sound_velocity;
} faulty_instance;

static volatile unsigned long spins;

static int32_t faulty_create(const double* values, size_t count, void** instance, char* error,
                             size_t error_size) {
  faulty_instance* created;
  (void)count;
  (void)error;
  (void)error_size;
  created = (faulty_instance*)malloc(sizeof *created);
  if (created == NULL) return FILMTHERM_STATUS_INTERNAL_ERROR;
  created->sound_velocity = values[0];
  *instance = created;
  return FILMTHERM_STATUS_OK;
}

static void faulty_destroy(void* instance) {
  free(instance);
}

static int32_t faulty_evaluate(const void* instance, const filmtherm_evaluation* e, char* error,
                               size_t error_size) {
  const double v = ((const faulty_instance*)instance)->sound_velocity;
  const double prefactor = 0.4 * PI * PI * BOLTZMANN * pow(BOLTZMANN / (REDUCED_PLANCK * v), 3.0);
  size_t i;
  (void)error;
  (void)error_size;
  if (v == 666.0) {
    int* volatile nowhere = NULL;
    *nowhere = 1;
  }
  if (v == 555.0) abort();
  if (v == 777.0) {
    for (;;) ++spins;
  }
  for (i = 0; i < e->count; ++i) {
    const double t = e->temperature_K[i];
    e->value[i] = prefactor * t * t * t;
    if (e->value_slope) e->value_slope[i] = 3.0 * prefactor * t * t;
    if (e->energy_density) e->energy_density[i] = 0.25 * prefactor * t * t * t * t;
  }
  return FILMTHERM_STATUS_OK;
}

static const filmtherm_parameter faulty_parameters[] = {
    {"sound_velocity", FILMTHERM_DIMENSION(1, 0, -1, 0, 0, 0), 0.0, FILMTHERM_PARAMETER_REQUIRED,
     "mean sound velocity; 666 m/s crashes, 555 m/s aborts, 777 m/s hangs"}};

static const filmtherm_model faulty_model = {sizeof(filmtherm_model),
                                             "faulty-debye-T3",
                                             FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY,
                                             "Debye T^3 law that crashes or hangs on purpose",
                                             "Kittel, Introduction to Solid State Physics, ch. 5",
                                             faulty_parameters,
                                             1,
                                             1,
                                             faulty_create,
                                             faulty_destroy,
                                             faulty_evaluate};

static const filmtherm_model* const faulty_models[] = {&faulty_model};
static const filmtherm_plugin faulty_plugin = {FILMTHERM_PLUGIN_ABI_MAJOR,
                                               FILMTHERM_PLUGIN_ABI_MINOR,
                                               sizeof(filmtherm_plugin),
                                               "faulty-test-plugin",
                                               "1.0",
                                               faulty_models,
                                               1};

FILMTHERM_PLUGIN_EXPORT const filmtherm_plugin* filmtherm_plugin_entry(void) {
  return &faulty_plugin;
}
