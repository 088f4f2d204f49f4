// Studies: a YAML file that names a base device file and sweeps keys of it
// (`film.thickness`, `substrate.temperature`,
// `materials.NbTiN.phonon_heat_capacity.model`, ...) over lists or ranges of
// values, combined as a grid (every combination) or zipped (the i-th values
// together), may set other keys to one value for every point, and says which
// summary figures go into the results table and which to plot
// (docs/yaml-reference.md, "Studies"). A point of a study is the base
// device's YAML tree with the values written over it (the imported material
// libraries inlined first, so material keys can be swept too), read by the
// ordinary device loader: every point passes the same validation as a device
// file, and a value the loader refuses is reported naming the axis, the value
// and where the study wrote it. Study files are validated with the same
// line:column diagnostics as device files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/input_error.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/provenance.h"  // text_hash

namespace filmtherm {

enum class AxisCombination { grid, zip };

/// How an axis's values were given.
enum class AxisSpacing { listed, linear, logarithmic };

/// One value of an axis.
struct AxisValue {
  /// As written into the device tree: "2.5 nm", "debye", or for a whole block
  /// its flow form "{model: escape-time, escape_time: 33 ps}".
  std::string text;
  bool is_block = false;  ///< a YAML map that replaces the key's whole value
  /// The value in the axis unit, when the axis is numeric.
  std::optional<double> number;
  SourceMark mark;  ///< the value in the study file (for a range: the range)
};

/// A key of the device file and the values it takes.
struct StudyAxis {
  std::string key_path;           ///< "film.thickness"
  std::vector<std::string> keys;  ///< {"film", "thickness"}
  std::vector<AxisValue> values;
  /// True when every value is a number of one dimension; `unit` is then the
  /// unit the numbers are in ("nm"; "" when dimensionless).
  bool numeric = false;
  std::string unit;
  AxisSpacing spacing = AxisSpacing::listed;
  SourceMark mark;  ///< the axis's key in the study file
};

/// A key that every point sets to the same value (`set:`), written before the axes.
struct StudySetting {
  std::string key_path;
  std::vector<std::string> keys;
  AxisValue value;
};

/// `plot: {y: FIGURE, x: AXIS}`: the figure against one numeric axis, one
/// curve per combination of the other axes' values.
struct StudyPlot {
  std::string figure;
  std::size_t x_axis = 0;
  bool log_x = false;
  bool log_y = false;
};

/// One point: a device to run.
struct StudyPoint {
  std::size_t index = 0;
  std::vector<std::size_t> value_indices;  ///< one per axis
  std::string device_yaml;                 ///< the base device with this point's values
  std::string parameter_hash;              ///< 16 hex digits of FNV-1a 64 of device_yaml
};

/// The largest point time limit a study file or `--point-time-limit` may set
/// [s]: beyond it a limit is a typing error (and poll(2) counts milliseconds in an int).
inline constexpr double max_point_time_limit_s = 1e6;

struct Study {
  std::string name;                   ///< `name:`, default: the file name without .yaml
  std::filesystem::path source_file;  ///< the study file as named
  std::string source_text;            ///< its text, for messages
  std::filesystem::path device_file;  ///< the base device, resolved against the study's folder
  DeviceModelKind model = DeviceModelKind::lumped_two_temperature;
  AxisCombination combination = AxisCombination::grid;
  std::vector<StudySetting> settings;  ///< `set:`, already written into base_device_yaml
  std::vector<StudyAxis> axes;
  std::vector<std::string> collect;     ///< figures for the table, in order
  std::vector<StudyPlot> plots;         ///< `plot:`, one map or a list of them
  std::filesystem::path output_folder;  ///< absolute
  /// `point_time_limit:` [s], the wall-clock time a point may take before it
  /// is stopped and recorded as failed; 0 when the file gives none.
  double point_time_limit_s = 0.0;
  /// The base device's YAML with its imports inlined under `materials:`,
  /// `compare_phonons` removed (a point runs the material's own phonon model)
  /// and the `set:` values written in.
  std::string base_device_yaml;

  /// Grid: the product of the axis lengths; zip: the common length.
  std::size_t point_count() const;
  /// Which value of each axis point `index` takes; the first axis varies slowest.
  std::vector<std::size_t> value_indices(std::size_t index) const;
  /// The point's device YAML and hash. Thread-safe: shares no YAML nodes.
  StudyPoint point(std::size_t index) const;
  /// "film.thickness = 2 nm, materials.NbTiN.phonon_heat_capacity.model = film".
  std::string describe_point(std::size_t index) const;
  /// text_hash of the base device, the combination and every axis value: two
  /// processes with the same fingerprint build the same points.
  std::string fingerprint() const;
};

/// A point's device was refused by the device loader. what() is one line
/// naming the point, the axis values and the loader's complaint;
/// diagnostics() point at the responsible axis values in the study file.
class InvalidPointError : public std::invalid_argument {
 public:
  InvalidPointError(const std::string& message, std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// True when `path` reads as a study: a YAML map with a top-level `axes:` or
/// `device:` key (device files and material libraries have neither). False
/// for anything unreadable: the device loader then reports it.
bool is_study_file(const std::filesystem::path& path);

/// Reads and validates a study file and its base device (not yet the points).
/// Throws InputError listing every problem with file:line:column.
Study load_study(const std::filesystem::path& path, const PluginRegistry& registry);

/// Same, from text; `path` names it and is the base of relative paths.
Study load_study_from_string(std::string_view text, const PluginRegistry& registry,
                             const std::filesystem::path& path);

/// Reads the point's device through load_device_from_string (imports and
/// output folder relative to the base device). Throws InvalidPointError.
Device load_point_device(const Study& study, const StudyPoint& point,
                         const PluginRegistry& registry);

/// Loads every point's device; throws InputError with one diagnostic per
/// refused axis value (at the value, naming the loader's complaint).
void check_study_points(const Study& study, const PluginRegistry& registry);

/// The part of check_study_points that `sweep` runs before any point: every
/// value of every axis once (grid: in the point with the other axes at their
/// first values; zip and one axis: every point). A study of N points costs
/// the sum of its axis lengths in device loads (about 3-5 ms each), not N; a
/// value refused only in combination with another axis's value is still a
/// failed row of the sweep. Throws InputError like check_study_points.
void check_study_values(const Study& study, const PluginRegistry& registry);

}  // namespace filmtherm
