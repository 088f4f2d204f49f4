// The built-in plugin's model descriptors, one group per material property;
// builtin_plugin.cpp lists them all in the plugin descriptor.
#pragma once

#include "filmtherm/plugin.h"

namespace filmtherm::builtin {

// Phonon heat capacity (phonon_models.cpp).
extern const filmtherm_model film_phonon_model;
extern const filmtherm_model film_low_temperature_phonon_model;
extern const filmtherm_model debye_phonon_model;
extern const filmtherm_model debye_low_temperature_phonon_model;

// Electron heat capacity (electron_models.cpp).
extern const filmtherm_model sommerfeld_electron_model;
extern const filmtherm_model bcs_electron_model;
extern const filmtherm_model yang2007_electron_model;

// Heat flow (heat_flow_models.cpp).
extern const filmtherm_model eph_relaxation_time_model;
extern const filmtherm_model eph_conductance_model;
extern const filmtherm_model escape_time_model;
extern const filmtherm_model boundary_conductance_model;
extern const filmtherm_model acoustic_mismatch_model;
extern const filmtherm_model wiedemann_franz_model;

}  // namespace filmtherm::builtin
