// The per-point runner of a study (`filmtherm sweep`): one device in, a flat,
// ordered list of named summary figures out (electron_peak_temperature [K],
// electron_half_rise_time [s], energy_relative_error, steps, ...). PointRunner
// is the interface a device model implements to take part in sweeps; the
// lumped two-temperature model (HotspotCooling) is the first implementation,
// the electrothermal wire (ElectrothermalWire) the second. A runner belongs to one worker
// thread and keeps no state between points; the PluginRegistry it reads is
// shared read-only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm {

/// What a runner reports: the figure's name, its unit ("" when dimensionless),
/// and one line of what it means (for docs and `filmtherm check`).
struct FigureDeclaration {
  std::string name;
  std::string unit;
  std::string description;
};

/// One reported figure; no value when the run did not reach it (a temperature
/// that never fell back to half its rise before the end time).
struct FigureValue {
  std::string name;
  std::string unit;
  std::optional<double> value;
};

/// Figures in the order the runner declares them, looked up by name.
class SummaryFigures {
 public:
  void add(std::string name, std::string unit, std::optional<double> value);
  /// The figure called `name`, or nullptr.
  const FigureValue* find(std::string_view name) const;
  const std::vector<FigureValue>& entries() const noexcept { return entries_; }

 private:
  std::vector<FigureValue> entries_;
};

/// Runs one device of a study and summarises the result.
class PointRunner {
 public:
  virtual ~PointRunner() = default;
  /// The figures run() returns, in that order.
  virtual const std::vector<FigureDeclaration>& figures() const = 0;
  /// Solves `device`. Throws (IntegrationError, ParameterError, std::invalid_argument,
  /// ...) with a message that names what failed.
  virtual SummaryFigures run(const Device& device) = 0;
};

/// The lumped two-temperature model (HotspotCooling) of one device. Times of
/// events are counted from the photon's arrival; the time constants are those
/// of the model linearised at the bath; heat capacities are at the bath
/// temperature and the film thickness.
class LumpedCoolingRunner final : public PointRunner {
 public:
  explicit LumpedCoolingRunner(const PluginRegistry& registry) : registry_(registry) {}
  const std::vector<FigureDeclaration>& figures() const override;
  SummaryFigures run(const Device& device) override;

 private:
  const PluginRegistry& registry_;
};

/// A runner for the electrothermal wire model (ElectrothermalWire with its
/// default options, no temperature profiles kept): detection, reset and
/// latching figures (wire_point_runner.cpp).
std::unique_ptr<PointRunner> make_wire_runner(const PluginRegistry& registry);

/// The figures of make_wire_runner's runner.
const std::vector<FigureDeclaration>& wire_figures();

/// The figures a runner for `model` reports; empty when no runner exists yet.
const std::vector<FigureDeclaration>& point_figures(DeviceModelKind model);

/// True when sweeps can run devices of `model`.
bool has_point_runner(DeviceModelKind model);

/// A new runner for devices of `model` (one per worker). Throws
/// std::invalid_argument naming the model when none exists yet.
std::unique_ptr<PointRunner> make_point_runner(DeviceModelKind model,
                                               const PluginRegistry& registry);

}  // namespace filmtherm
