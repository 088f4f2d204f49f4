// The shipped material plugin: every model of models/ behind the C ABI,
// loaded at run time exactly as a third party's plugin is.
#include "builtin_models.h"
#include "filmtherm/plugin.h"

#ifndef FILMTHERM_VERSION
#error "FILMTHERM_VERSION must be defined by the build"
#endif

namespace {

const filmtherm_model* const builtin_models[] = {
    &filmtherm::builtin::film_phonon_model,
    &filmtherm::builtin::film_low_temperature_phonon_model,
    &filmtherm::builtin::debye_phonon_model,
    &filmtherm::builtin::debye_low_temperature_phonon_model,
    &filmtherm::builtin::sommerfeld_electron_model,
    &filmtherm::builtin::bcs_electron_model,
    &filmtherm::builtin::yang2007_electron_model,
    &filmtherm::builtin::eph_relaxation_time_model,
    &filmtherm::builtin::eph_conductance_model,
    &filmtherm::builtin::escape_time_model,
    &filmtherm::builtin::boundary_conductance_model,
    &filmtherm::builtin::acoustic_mismatch_model,
    &filmtherm::builtin::wiedemann_franz_model,
};

const filmtherm_plugin builtin_plugin = {FILMTHERM_PLUGIN_ABI_MAJOR,
                                         FILMTHERM_PLUGIN_ABI_MINOR,
                                         sizeof(filmtherm_plugin),
                                         "filmtherm-builtin",
                                         FILMTHERM_VERSION,
                                         builtin_models,
                                         sizeof(builtin_models) / sizeof(builtin_models[0])};

}  // namespace

extern "C" FILMTHERM_PLUGIN_EXPORT const filmtherm_plugin* filmtherm_plugin_entry(void) {
  return &builtin_plugin;
}
