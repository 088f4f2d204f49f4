// HotspotCooling: one run of the lumped two-temperature model (docs/physics.md
// section 4) for a Device. run() deposits the photon, integrates with CVODE
// through the output times (never stepping over a pulse), locates the peaks
// and the falls to half and to 1% of each rise by root finding, fits the decay
// time of each tail, and closes the energy book absorbed = stored + escaped.
// The result is a plain value: the trace, the summary and the solver
// statistics, ready for the writers of `filmtherm run`.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "filmtherm/cvode_integrator.h"
#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/two_temperature_model.h"

namespace filmtherm {

/// One row of the trace; energies are for the whole hotspot volume.
struct CoolingSample {
  double time_s = 0.0;
  double electron_temperature_K = 0.0;
  double phonon_temperature_K = 0.0;
  /// T_e - T_b and T_ph - T_b as integrated (no loss of digits to the bath temperature).
  double electron_rise_K = 0.0;
  double phonon_rise_K = 0.0;
  double electron_phonon_power_W_per_m3 = 0.0;
  double escape_power_W_per_m3 = 0.0;
  double absorbed_energy_J = 0.0;  ///< absorbed up to time_s
  double electron_energy_J = 0.0;  ///< stored in the electrons above the bath
  double phonon_energy_J = 0.0;    ///< stored in the phonons above the bath
  double escaped_energy_J = 0.0;   ///< passed to the substrate
};

/// What happened to one temperature. Times are on the device's time axis
/// (the photon arrives at Photon::arrival_time).
struct TemperatureSummary {
  double peak_K = 0.0;
  double peak_time_s = 0.0;
  /// False when the temperature was still rising at the end time.
  bool peak_reached = false;
  std::optional<double> half_rise_time_s;         ///< back to T_b + (peak - T_b) / 2
  std::optional<double> one_percent_rise_time_s;  ///< back to T_b + (peak - T_b) / 100
  /// Exponential decay time fitted to the tail (rise between 10% and 1% of the peak rise).
  std::optional<double> tail_decay_time_s;
};

/// absorbed = stored + escaped, in J for the hotspot volume, at the end time.
struct EnergyBook {
  double absorbed_J = 0.0;
  double electrons_J = 0.0;
  double phonons_J = 0.0;
  double escaped_J = 0.0;
  /// |absorbed - stored - escaped| / (total absorbed) at the end time.
  double relative_error = 0.0;
  /// The same, largest over the trace.
  double worst_relative_error = 0.0;
  double stored_J() const noexcept { return electrons_J + phonons_J; }
};

struct CoolingResult {
  std::string phonon_model;
  double film_thickness_m = 0.0;
  double bath_temperature_K = 0.0;
  double hotspot_volume_m3 = 0.0;
  double absorbed_energy_J = 0.0;
  double arrival_time_s = 0.0;
  /// Where the integration starts: the arrival of a step, the opening of a
  /// pulse's window (centre - 5 FWHM). Output times count from here.
  double start_time_s = 0.0;
  std::optional<double> pulse_fwhm_s;
  std::vector<CoolingSample> trace;
  TemperatureSummary electrons;
  TemperatureSummary phonons;
  EnergyBook energy;
  /// -1/lambda of the system linearised at the bath, fast first.
  std::array<double, 2> linearised_time_constants_s{};
  SolverStatistics statistics;
  double solve_wall_time_s = 0.0;
};

class HotspotCooling {
 public:
  /// Instantiates the material models (throws ParameterError) and checks the
  /// photon and solver settings (throws std::invalid_argument / std::domain_error).
  HotspotCooling(const Device& device, const PluginRegistry& registry);
  ~HotspotCooling();
  HotspotCooling(const HotspotCooling&) = delete;
  HotspotCooling& operator=(const HotspotCooling&) = delete;

  /// Runs the model. Throws IntegrationError when CVODE fails; the message
  /// names the time reached.
  CoolingResult run();

 private:
  void make_output_times();
  void start_integrator();
  void advance_to(double time_s);
  void record_sample(double time_s, std::span<const double> state);
  void summarise_temperatures();
  void close_energy_book();

  Device device_;
  TwoTemperatureMaterials materials_;
  TwoTemperatureSystem system_;
  std::unique_ptr<CvodeIntegrator> integrator_;
  std::vector<double> output_times_s_;
  bool pulse_window_open_ = false;
  CoolingResult result_;
};

/// Decay time of an exponential tail: least-squares fit of ln(rise) against
/// time over the samples after `after_time_s` whose rise lies between 10% and
/// 1% of `peak_rise_K`. Empty when fewer than 4 samples qualify.
std::optional<double> fit_tail_decay_time_s(std::span<const double> time_s,
                                            std::span<const double> rise_K, double peak_rise_K,
                                            double after_time_s);

}  // namespace filmtherm
