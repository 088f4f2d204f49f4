/*
 * A minimal filmtherm plugin host in plain C99: loads the built-in plugin by
 * path through plugin.h alone, creates model "film" (confined-film phonon heat
 * capacity) with sound_velocity = 4000 m/s, and prints C_ph(T) of a 6 nm film
 * for T = 1..20 K, one line per kelvin: T [K] and C [J m^-3 K^-1].
 *
 *   host [path/to/filmtherm-builtin.so]
 *
 * Without an argument it tries FILMTHERM_PLUGIN_DIR (compiled in by the
 * CMake build from find_package(filmtherm)), then lib/filmtherm/plugins next
 * to its own executable, as an installed filmtherm does.
 */
#define _POSIX_C_SOURCE 200809L

#include <dlfcn.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "filmtherm/plugin.h"

#define POINT_COUNT 20
#define BUILTIN_FILE "filmtherm-builtin.so"
/* The end of the last field this host reads, as laid out by ABI 1.0. A plugin
 * built for a later minor version has larger structs, which is fine; one with
 * less is broken. (Comparing with sizeof would refuse older plugins once a
 * later plugin.h appends fields.) */
#define FIELD_END(type, field) (offsetof(type, field) + sizeof(((type*)0)->field))
#define PLUGIN_SIZE_NEEDED FIELD_END(filmtherm_plugin, model_count)
#define MODEL_SIZE_NEEDED FIELD_END(filmtherm_model, evaluate)

static const double film_thickness_m = 6e-9;
static const double sound_velocity_m_s = 4000.0;

static int is_readable(const char* path) {
  return access(path, R_OK) == 0;
}

/* The plugin to load: argv[1], the compiled-in folder, or next to this program. */
static int find_plugin(int argc, char** argv, char* path, size_t path_size) {
  char executable[4096];
  ssize_t length;
  char* slash;
  if (argc > 1) return snprintf(path, path_size, "%s", argv[1]) < (int)path_size;
#ifdef FILMTHERM_PLUGIN_DIR
  if (snprintf(path, path_size, "%s/%s", FILMTHERM_PLUGIN_DIR, BUILTIN_FILE) < (int)path_size &&
      is_readable(path)) {
    return 1;
  }
#endif
  length = readlink("/proc/self/exe", executable, sizeof(executable) - 1);
  if (length <= 0) return 0;
  executable[length] = '\0';
  slash = strrchr(executable, '/');
  if (slash == NULL) return 0;
  *slash = '\0';
  if (snprintf(path, path_size, "%s/../lib/filmtherm/plugins/%s", executable, BUILTIN_FILE) >=
      (int)path_size) {
    return 0;
  }
  return is_readable(path);
}

static const filmtherm_model* find_model(const filmtherm_plugin* plugin, const char* name) {
  size_t i;
  for (i = 0; i < plugin->model_count; ++i) {
    if (strcmp(plugin->models[i]->name, name) == 0) return plugin->models[i];
  }
  return NULL;
}

/* Fills the parameter values in declaration order: sound_velocity is ours,
 * optional parameters without default are NaN (absent), the rest default. */
static int fill_parameters(const filmtherm_model* model, double* values, size_t capacity) {
  static const filmtherm_dimension velocity = FILMTHERM_DIMENSION(1, 0, -1, 0, 0, 0);
  int velocity_set = 0;
  size_t i;
  if (model->parameter_count > capacity) {
    fprintf(stderr, "host: model '%s' declares %lu parameters, more than %lu\n", model->name,
            (unsigned long)model->parameter_count, (unsigned long)capacity);
    return 0;
  }
  for (i = 0; i < model->parameter_count; ++i) {
    const filmtherm_parameter* p = &model->parameters[i];
    if (strcmp(p->name, "sound_velocity") == 0) {
      if (memcmp(&p->dimension, &velocity, sizeof(velocity)) != 0) {
        fprintf(stderr, "host: sound_velocity of '%s' is not declared as a velocity\n",
                model->name);
        return 0;
      }
      values[i] = sound_velocity_m_s;
      velocity_set = 1;
    } else if (p->flags & FILMTHERM_PARAMETER_REQUIRED) {
      fprintf(stderr, "host: model '%s' requires '%s' (%s), which this host does not set\n",
              model->name, p->name, p->doc);
      return 0;
    } else if (p->flags & FILMTHERM_PARAMETER_NO_DEFAULT) {
      values[i] = NAN;
    } else {
      values[i] = p->default_value;
    }
  }
  if (!velocity_set) fprintf(stderr, "host: model '%s' has no sound_velocity\n", model->name);
  return velocity_set;
}

static int print_heat_capacity(const filmtherm_plugin* plugin, const filmtherm_model* model) {
  double parameters[16];
  double temperature_K[POINT_COUNT], thickness_m[POINT_COUNT], heat_capacity[POINT_COUNT];
  char error[512] = "";
  void* instance = NULL;
  filmtherm_evaluation evaluation;
  int32_t status;
  int i;
  if (!fill_parameters(model, parameters, sizeof(parameters) / sizeof(parameters[0]))) return 0;
  status = model->create(parameters, model->parameter_count, &instance, error, sizeof(error));
  if (status != FILMTHERM_STATUS_OK) {
    fprintf(stderr, "host: %s model '%s' rejected its parameters (status %d): %s\n", plugin->name,
            model->name, (int)status, error);
    return 0;
  }
  for (i = 0; i < POINT_COUNT; ++i) {
    temperature_K[i] = (double)(i + 1);
    thickness_m[i] = film_thickness_m;
  }
  memset(&evaluation, 0, sizeof(evaluation));
  evaluation.struct_size = (uint32_t)sizeof(evaluation);
  evaluation.count = POINT_COUNT;
  evaluation.temperature_K = temperature_K;
  evaluation.film_thickness_m = thickness_m;
  evaluation.value = heat_capacity;
  status = model->evaluate(instance, &evaluation, error, sizeof(error));
  model->destroy(instance);
  if (status != FILMTHERM_STATUS_OK) {
    fprintf(stderr, "host: %s model '%s' failed at d = %g m, T = 1..%d K (status %d): %s\n",
            plugin->name, model->name, film_thickness_m, POINT_COUNT, (int)status, error);
    return 0;
  }
  printf("# %s %s, model '%s', d = %g m, sound_velocity = %g m/s\n", plugin->name, plugin->version,
         model->name, film_thickness_m, sound_velocity_m_s);
  printf("# T [K]  C_ph [J m^-3 K^-1]\n");
  for (i = 0; i < POINT_COUNT; ++i) {
    /* The same checks filmtherm makes on every plugin output. */
    if (!isfinite(heat_capacity[i]) || heat_capacity[i] < 0.0) {
      fprintf(stderr, "host: %s model '%s' returned C = %g at T = %g K, d = %g m\n", plugin->name,
              model->name, heat_capacity[i], temperature_K[i], film_thickness_m);
      return 0;
    }
    printf("%g %.17g\n", temperature_K[i], heat_capacity[i]);
  }
  return 1;
}

int main(int argc, char** argv) {
  char path[4096];
  void* library;
  filmtherm_plugin_entry_fn entry;
  const filmtherm_plugin* plugin;
  const filmtherm_model* model;
  int ok;
  if (!find_plugin(argc, argv, path, sizeof(path))) {
    fprintf(stderr, "usage: %s path/to/%s (not found next to this program)\n", argv[0],
            BUILTIN_FILE);
    return 2;
  }
  library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    fprintf(stderr, "host: cannot load %s: %s\n", path, dlerror());
    return 1;
  }
  /* ISO C forbids converting void* to a function pointer; POSIX guarantees
   * that this works, and copying the bytes keeps -Wpedantic quiet. */
  {
    void* symbol = dlsym(library, FILMTHERM_PLUGIN_ENTRY_SYMBOL);
    if (symbol == NULL) {
      fprintf(stderr, "host: %s does not export %s\n", path, FILMTHERM_PLUGIN_ENTRY_SYMBOL);
      dlclose(library);
      return 1;
    }
    memcpy(&entry, &symbol, sizeof(entry));
  }
  plugin = entry();
  /* abi_major and abi_minor are the two fields every ABI version keeps first. */
  if (plugin == NULL || plugin->abi_major != FILMTHERM_PLUGIN_ABI_MAJOR ||
      plugin->struct_size < PLUGIN_SIZE_NEEDED) {
    fprintf(stderr, "host: %s speaks plugin ABI %u, this host ABI %d\n", path,
            plugin ? (unsigned)plugin->abi_major : 0u, FILMTHERM_PLUGIN_ABI_MAJOR);
    dlclose(library);
    return 1;
  }
  model = find_model(plugin, "film");
  if (model == NULL || model->struct_size < MODEL_SIZE_NEEDED ||
      model->property != FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY) {
    fprintf(stderr, "host: %s has no phonon heat-capacity model 'film'\n", path);
    dlclose(library);
    return 1;
  }
  ok = print_heat_capacity(plugin, model);
  dlclose(library);
  return ok ? 0 : 1;
}
