/*
 * The material behind the COMSOL functions: the Initialization data string
 * parsed and loaded through the C API into one set of model handles.
 */
#ifndef FILMTHERM_HOSTS_COMSOL_COMSOL_SETUP_H
#define FILMTHERM_HOSTS_COMSOL_COMSOL_SETUP_H

#include <stddef.h>

#include "filmtherm/filmtherm.h"

/* What one init string loaded. models[property] (FILMTHERM_PROPERTY_*) is
 * NULL for a property the material does not give (thermal conductivity is
 * optional; phonon escape needs a device or an escape= entry). */
typedef struct comsol_setup {
  filmtherm_context* context;
  filmtherm_device* device;       /* device=PATH: owns the film and escape models */
  filmtherm_material* material;   /* library=PATH;material=NAME */
  filmtherm_model_handle* escape; /* escape=MODEL */
  const filmtherm_model_handle* models[FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY + 1];
  char* init_string; /* as given: a repeated init is recognised */
} comsol_setup;

/* Parses `init` and loads it into *setup (zeroed first). FILMTHERM_OK, or a
 * code with the reason in message (at most size bytes, NUL-terminated) and
 * *setup left empty. */
int comsol_setup_load(const char* init, comsol_setup* setup, char* message, size_t size);

/* Releases everything *setup holds and zeroes it; an empty setup is fine. */
void comsol_setup_release(comsol_setup* setup);

#endif /* FILMTHERM_HOSTS_COMSOL_COMSOL_SETUP_H */
