/*
 * The Initialization data of the COMSOL External function node, parsed and
 * loaded. The string is a list of KEY=VALUE entries separated by ';' (spaces
 * around keys and values are ignored), in one of two forms:
 *   device=PATH
 *       a filmtherm device file: its film's material and its substrate's
 *       phonon-escape law;
 *   library=PATH;material=NAME[;escape=MODEL[;escape.PARAM=VALUE ...]]
 *       a material library and one of its materials; phonon escape belongs to
 *       a substrate, not to a material, so it is named here when wanted, e.g.
 *       escape=acoustic-mismatch;escape.boundary_coefficient=86.9 W/(m^2 K^4).
 * ';' is the separator because file names and unit strings do not use it,
 * while both use spaces, '/' and ','.
 */
#define _POSIX_C_SOURCE 200809L

#include "comsol_setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ESCAPE_PARAMETERS 16

typedef struct parsed_init {
  const char* device;
  const char* library;
  const char* material;
  const char* escape;
  size_t escape_count;
  const char* escape_keys[MAX_ESCAPE_PARAMETERS];
  const char* escape_values[MAX_ESCAPE_PARAMETERS];
} parsed_init;

static char* trim(char* text) {
  char* end;
  while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r') ++text;
  end = text + strlen(text);
  while (end > text && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
    --end;
  *end = '\0';
  return text;
}

static int set_once(const char** slot, const char* key, const char* value, char* message,
                    size_t size) {
  if (*slot != NULL) {
    snprintf(message, size, "init: '%s' is given twice", key);
    return FILMTHERM_E_INVALID_ARGUMENT;
  }
  if (*value == '\0') {
    snprintf(message, size, "init: '%s' has an empty value", key);
    return FILMTHERM_E_INVALID_ARGUMENT;
  }
  *slot = value;
  return FILMTHERM_OK;
}

/* Splits `text` (modified in place) into *parsed; the pointers point into it. */
static int parse(char* text, parsed_init* parsed, char* message, size_t size) {
  char* item = text;
  memset(parsed, 0, sizeof *parsed);
  while (item != NULL) {
    char* next = strchr(item, ';');
    char *equals, *key, *value;
    int code = FILMTHERM_OK;
    if (next != NULL) *next++ = '\0';
    item = trim(item);
    if (*item == '\0') { /* a trailing or doubled ';' */
      item = next;
      continue;
    }
    equals = strchr(item, '=');
    if (equals == NULL) {
      snprintf(message, size,
               "init: '%s' is not KEY=VALUE; expected device=PATH or "
               "library=PATH;material=NAME[;escape=MODEL;escape.PARAM=VALUE...]",
               item);
      return FILMTHERM_E_INVALID_ARGUMENT;
    }
    *equals = '\0';
    key = trim(item);
    value = trim(equals + 1);
    if (strcmp(key, "device") == 0) {
      code = set_once(&parsed->device, key, value, message, size);
    } else if (strcmp(key, "library") == 0) {
      code = set_once(&parsed->library, key, value, message, size);
    } else if (strcmp(key, "material") == 0) {
      code = set_once(&parsed->material, key, value, message, size);
    } else if (strcmp(key, "escape") == 0) {
      code = set_once(&parsed->escape, key, value, message, size);
    } else if (strncmp(key, "escape.", 7) == 0 && key[7] != '\0') {
      if (parsed->escape_count == MAX_ESCAPE_PARAMETERS) {
        snprintf(message, size, "init: more than %d escape parameters", MAX_ESCAPE_PARAMETERS);
        return FILMTHERM_E_INVALID_ARGUMENT;
      }
      parsed->escape_keys[parsed->escape_count] = key + 7;
      parsed->escape_values[parsed->escape_count++] = value;
    } else {
      snprintf(message, size,
               "init: unknown key '%s'; the keys are device, library, material, escape and "
               "escape.PARAM",
               key);
      return FILMTHERM_E_INVALID_ARGUMENT;
    }
    if (code != FILMTHERM_OK) return code;
    item = next;
  }
  if (parsed->device != NULL && (parsed->library != NULL || parsed->material != NULL ||
                                 parsed->escape != NULL || parsed->escape_count > 0)) {
    snprintf(message, size,
             "init: device= takes its material and escape law from the device file; give it "
             "alone, or give library=, material= and escape= instead");
    return FILMTHERM_E_INVALID_ARGUMENT;
  }
  if (parsed->device == NULL && (parsed->library == NULL || parsed->material == NULL)) {
    snprintf(message, size, "init: expected device=PATH or library=PATH;material=NAME (got %s)",
             parsed->library != NULL ? "no material=" : "no library= and no device=");
    return FILMTHERM_E_INVALID_ARGUMENT;
  }
  if (parsed->escape == NULL && parsed->escape_count > 0) {
    snprintf(message, size, "init: escape.%s is given without escape=MODEL",
             parsed->escape_keys[0]);
    return FILMTHERM_E_INVALID_ARGUMENT;
  }
  return FILMTHERM_OK;
}

/* Records the C API's message for a failed call, after what was being done. */
static int api_failure(int code, const comsol_setup* setup, const char* doing, char* message,
                       size_t size) {
  const char* reason =
      setup->context != NULL ? filmtherm_context_errmsg(setup->context) : filmtherm_last_error();
  snprintf(message, size, "init: %s: %s (%s)", doing, reason, filmtherm_code_name(code));
  return code;
}

static int load_models(const filmtherm_material* material, comsol_setup* setup) {
  int property;
  for (property = FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY;
       property <= FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY; ++property) {
    const filmtherm_model_handle* model = NULL;
    if (property == FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER) continue;
    /* NOT_FOUND is an absent optional property: its functions then fail in eval. */
    if (filmtherm_material_model(material, property, &model) == FILMTHERM_OK)
      setup->models[property] = model;
  }
  return FILMTHERM_OK;
}

static int load(const parsed_init* parsed, comsol_setup* setup, char* message, size_t size) {
  char doing[600];
  int code = filmtherm_context_create(&setup->context);
  if (code != FILMTHERM_OK)
    return api_failure(code, setup, "creating a filmtherm context", message, size);
  if (parsed->device != NULL) {
    const filmtherm_material* film = NULL;
    const filmtherm_model_handle* escape = NULL;
    snprintf(doing, sizeof doing, "loading device '%s'", parsed->device);
    code = filmtherm_device_load_file(setup->context, parsed->device, &setup->device);
    if (code == FILMTHERM_OK) code = filmtherm_device_material(setup->device, &film);
    if (code == FILMTHERM_OK) code = filmtherm_device_escape_model(setup->device, &escape);
    if (code != FILMTHERM_OK) return api_failure(code, setup, doing, message, size);
    setup->models[FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER] = escape;
    return load_models(film, setup);
  } else {
    filmtherm_library* library = NULL;
    snprintf(doing, sizeof doing, "loading material '%s' of library '%s'", parsed->material,
             parsed->library);
    code = filmtherm_library_load_file(setup->context, parsed->library, &library);
    if (code == FILMTHERM_OK)
      code = filmtherm_material_create(library, parsed->material, &setup->material);
    filmtherm_library_destroy(library); /* the material does not need it once made */
    if (code != FILMTHERM_OK) return api_failure(code, setup, doing, message, size);
    if (parsed->escape != NULL) {
      snprintf(doing, sizeof doing, "creating escape model '%s'", parsed->escape);
      code = filmtherm_model_create(setup->context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
                                    parsed->escape, parsed->escape_count, parsed->escape_keys,
                                    parsed->escape_values, &setup->escape);
      if (code != FILMTHERM_OK) return api_failure(code, setup, doing, message, size);
      setup->models[FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER] = setup->escape;
    }
    return load_models(setup->material, setup);
  }
}

int comsol_setup_load(const char* init, comsol_setup* setup, char* message, size_t size) {
  parsed_init parsed;
  char* text;
  int code;
  memset(setup, 0, sizeof *setup);
  if (init == NULL) {
    snprintf(message, size, "init: the Initialization data is NULL");
    return FILMTHERM_E_INVALID_ARGUMENT;
  }
  text = malloc(strlen(init) + 1);
  setup->init_string = malloc(strlen(init) + 1);
  if (text == NULL || setup->init_string == NULL) {
    free(text);
    comsol_setup_release(setup);
    snprintf(message, size, "init: out of memory");
    return FILMTHERM_E_INTERNAL;
  }
  strcpy(text, init);
  strcpy(setup->init_string, init);
  code = parse(text, &parsed, message, size);
  if (code == FILMTHERM_OK) code = load(&parsed, setup, message, size);
  free(text);
  if (code != FILMTHERM_OK) comsol_setup_release(setup);
  return code;
}

void comsol_setup_release(comsol_setup* setup) {
  filmtherm_model_destroy(setup->escape);
  filmtherm_material_destroy(setup->material);
  filmtherm_device_destroy(setup->device);
  filmtherm_context_destroy(setup->context);
  free(setup->init_string);
  memset(setup, 0, sizeof *setup);
}
