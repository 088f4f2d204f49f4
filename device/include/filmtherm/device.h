// Device: the typed, unit-checked description of one detector that a solver
// runs, as read from a YAML device stack. Every dimensional value is a
// Boost.Units quantity; every value keeps the place it came from (file, line,
// column) so messages and `filmtherm check` can point at it. Material
// properties are model choices (a plugin model name plus its parameter
// settings), validated when the device is loaded and instantiated by the
// solver, so a Device is a plain value that a sweep can copy and modify.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "filmtherm/model_handle.h"
#include "filmtherm/units.h"

namespace filmtherm {

/// Where a value was written: file, 1-based line and column. Empty file for
/// built-in defaults.
struct SourceMark {
  std::string file;
  int line = 0;
  int column = 0;
};

/// What kind of number a material parameter is, as its input file declares.
enum class ProvenanceKind {
  unspecified,  ///< the file did not say
  measured,     ///< measured on a real film or crystal by the cited source
  fitted,       ///< fitted to (or derived from) measured data by the cited source
  assumed,      ///< a modelling assumption or a published model input, not a measurement
};

/// Where a number comes from in the literature, as the input file states it
/// (`{value: 4000 m/s, source: "...", kind: measured}`); empty source and
/// ProvenanceKind::unspecified when the value was written bare.
struct Provenance {
  std::string source;
  ProvenanceKind kind = ProvenanceKind::unspecified;
};

/// A value and the place it came from.
template <class T>
struct Sourced {
  T value{};
  SourceMark mark;
  Provenance provenance{};  ///< the literature source, for material numbers
};

/// A material property: which plugin model supplies it, with what parameters.
struct ModelChoice {
  std::string model;                               ///< e.g. "film"
  std::vector<ParameterSetting> parameters;        ///< as typed: {"sound_velocity", "4000 m/s"}
  std::vector<SourceMark> parameter_marks;         ///< one per parameter
  SourceMark mark;                                 ///< where the model was named
  std::vector<Provenance> parameter_provenance{};  ///< one per parameter
};

/// A material, resolved from the device file or an imported library.
struct Material {
  std::string name;
  SourceMark mark;
  ModelChoice phonon_heat_capacity;
  ModelChoice electron_heat_capacity;
  ModelChoice electron_phonon_power;
  std::optional<ModelChoice> thermal_conductivity;  ///< needed by the wire model
  std::optional<Sourced<Temperature>> critical_temperature;
  std::optional<Sourced<Resistivity>> normal_resistivity;
};

struct Film {
  Sourced<Length> thickness;
  Sourced<Length> width;
  Sourced<Length> length;  ///< the wire's length
};

/// The substrate acting as a bath at a fixed temperature, and how phonons escape into it.
struct Bath {
  Sourced<Temperature> temperature;
  ModelChoice phonon_escape;
};

/// The absorbed photon.
struct Photon {
  Sourced<Energy> energy;                         ///< from wavelength or energy
  Sourced<double> absorbed_fraction;              ///< eta in [0, 1]
  std::optional<Sourced<Length>> hotspot_length;  ///< belt across the strip: V = w l d
  std::optional<Sourced<Length>> hotspot_radius;  ///< disc: V = pi r^2 d (exactly one of the two)
  Sourced<Time> arrival_time;
  std::optional<Sourced<Time>> pulse_width;  ///< Gaussian FWHM; absent: an instant energy step
  /// Initial hotspot temperature (Yang 2007: 8 K over 15 nm); absent: the
  /// hotspot is heated by the absorbed energy eta E.
  std::optional<Sourced<Temperature>> hotspot_temperature{};
};

/// The readout: wire (L_k) in parallel with the load through a bias tee.
struct Circuit {
  Sourced<Current> bias_current;
  Sourced<Resistance> load_resistance;
  Sourced<Inductance> kinetic_inductance;  ///< total (per-square values are multiplied out at load)
  Sourced<Capacitance> bias_tee_capacitance;
  Sourced<Current> critical_current;  ///< I_c0 at T = 0
};

enum class OutputSpacing { linear, logarithmic };

struct SolverSettings {
  Sourced<Time> end_time;
  Sourced<double> relative_tolerance;
  Sourced<Temperature> absolute_tolerance;  ///< on temperatures
  Sourced<int> max_steps;
  OutputSpacing output_spacing = OutputSpacing::logarithmic;
  Sourced<int> output_count;
  Sourced<Time> first_output_time;  ///< for logarithmic spacing
};

struct OutputSettings {
  std::filesystem::path folder;  ///< absolute, resolved against the device file's folder
  bool csv = true;
  bool json = true;
  bool plot = true;
};

enum class DeviceModelKind { lumped_two_temperature, electrothermal_wire };

/// How the electrothermal wire is computed (`wire:`, docs/yaml-reference.md):
/// every setting that changes an answer, as the file (or a host overriding
/// it) states it; an empty field takes the model's default. Choices are kept
/// as written and checked against wire_setting_choices() when read; the solver
/// maps them to its enums (wire_run_options.h).
struct WireSettings {
  std::optional<Sourced<int>> cells;                 ///< grid cells along the simulated stretch
  std::optional<Sourced<std::string>> temperatures;  ///< "one" or "two" per cell
  std::optional<Sourced<std::string>>
      resistive_switch;  ///< `switch:` front | smoothed | root-finding
  /// `switch_width:` a temperature, or `auto` (an empty inner value): scaled to the film.
  std::optional<Sourced<std::optional<Temperature>>> switch_width;
  std::optional<Sourced<std::string>> escape;  ///< model-power | linearised
  std::optional<Sourced<std::string>> scheme;  ///< conservative | published
  std::optional<Sourced<bool>> stop_at_recovery;
  std::optional<Sourced<bool>> record_profiles;
};

/// A choice key of `wire:` and the words it accepts (the first is the canonical one).
struct WireChoiceKey {
  const char* key;
  std::optional<Sourced<std::string>> WireSettings::*field;
  std::vector<std::string> words;
  const char* meaning;
  /// How many of `words`, from the first, are the canonical spellings that
  /// messages list (the rest are long spellings the parsers accept too).
  std::size_t canonical = 2;
};

struct Device {
  std::string name;
  std::filesystem::path source_file;
  DeviceModelKind model = DeviceModelKind::lumped_two_temperature;
  Material material;
  Film film;
  Bath bath;
  Photon photon;
  std::optional<Circuit> circuit;  ///< required by the wire model
  SolverSettings solver;
  OutputSettings output;
  /// Phonon models to run side by side (`compare_phonons:`), e.g. {"film", "debye"};
  /// empty: the material's own choice only.
  std::vector<std::string> compare_phonon_models;
  WireSettings wire;  ///< `wire:`, electrothermal-wire devices only
  /// Values that are possible but unusual ("file:line:col: key: why"), found
  /// while loading; `filmtherm run` prints them and summary.json lists them.
  std::vector<std::string> warnings;
};

}  // namespace filmtherm
