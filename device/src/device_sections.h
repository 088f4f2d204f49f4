// Internal to the loader: reading each section of a device file into its part
// of the Device (device_loader.cpp: film, substrate, photon, circuit;
// device_sections.cpp: solver, output, compare_phonons; wire_section.cpp:
// wire), and the range checks
// they share.
#pragma once

#include <optional>
#include <string>

#include "filmtherm/device.h"
#include "material_loader.h"
#include "yaml_reader.h"

namespace filmtherm::input {

enum class Range { positive, non_negative, fraction };

/// Reads `key` of `section` as a quantity of type Q within `range`; reports a
/// missing key when `required` (with `description`) and a value out of range.
template <class Q>
std::optional<Sourced<Q>> read_quantity(Reader& reader, Section& section, const char* key,
                                        const std::string& description, bool required,
                                        Range range = Range::positive,
                                        bool allow_provenance = true);

/// Reads the `solver:` section, filling defaults for absent keys.
SolverSettings read_solver_settings(Reader& reader, const Section& top, DeviceModelKind model,
                                    const std::optional<Sourced<Time>>& arrival_time);

/// Reads the `output:` section; the folder is resolved against `device_file`'s folder.
OutputSettings read_output_settings(Reader& reader, const Section& top,
                                    const std::filesystem::path& device_file);

/// Reads `compare_phonons:` and instantiates each model with the parameters of
/// `material`'s phonon model that it declares.
std::vector<std::string> read_compare_phonons(Reader& reader, const Section& top,
                                              const Material* material,
                                              const PluginRegistry& registry);

/// Reads `wire:` (electrothermal-wire devices only; reported in any other).
WireSettings read_wire_settings(Reader& reader, const Section& top, DeviceModelKind model);

/// I_c(T) = I_c0 (1 - (T/T_c)^2)^2 below T_c, 0 at and above (docs/physics.md 5).
double critical_current_at_A(double critical_current_A, double temperature_K,
                             double critical_temperature_K);

/// Refuses what no device can be (bath at or above T_c, bias at or above
/// I_c(T_b), a film thinner than an atomic layer) and adds to
/// device.warnings what is merely unusual (bath above 0.9 T_c, bias above
/// 0.95 I_c(T_b), a film thicker than 100 nm). `material` may be null.
void check_physical_sanity(Reader& reader, Device& device, const Material* material);

/// The end time used when `solver.end_time` is absent.
Time default_end_time(DeviceModelKind model);

}  // namespace filmtherm::input
