// ElectrothermalWire: one run of the electrothermal wire model (docs/physics.md
// section 5) for a Device. run() places the photon's hotspot, integrates the
// wire and its readout with CVODE (sparse KLU Newton solves) through the
// output times, restarting at every resistive switch when the switch is
// located by root finding, and summarises the detection event: peak output
// voltage, largest hotspot, hotspot lifetime, the current's recovery (times to
// 90% and 99%, fitted time constant against the readout's own L_k/R_L and
// bias-tee modes), latched or not, and two energy books (heat: photon + Joule
// = stored + escaped + lost through the ends; circuit: source work = Joule +
// load + the change in inductor and capacitor energy). The result is a plain
// value for the writers of `filmtherm run`.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "filmtherm/cvode_integrator.h"
#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/wire_model.h"

namespace filmtherm {

/// One row of the trace.
struct WireSample {
  double time_s = 0.0;
  double current_A = 0.0;               ///< I through the wire
  double output_voltage_V = 0.0;        ///< V_out = R_L (I_b - I)
  double capacitor_voltage_V = 0.0;     ///< V_C of the bias tee
  double hotspot_resistance_Ohm = 0.0;  ///< R_hs
  double hotspot_length_m = 0.0;        ///< resistive length, R_hs w d / rho_n
  double hottest_K = 0.0;               ///< largest T (or T_e) along the wire
  double hottest_phonon_K = 0.0;        ///< largest T_ph (= hottest_K in the one-temperature form)
  double absorbed_energy_J = 0.0;       ///< from the photon, up to time_s
  double stored_energy_J = 0.0;         ///< heat in the wire above T_sub
  double joule_energy_J = 0.0;          ///< integral of R_hs I^2
  double escaped_energy_J = 0.0;        ///< to the substrate
  double end_energy_J = 0.0;            ///< out through the two ends
  double load_energy_J = 0.0;           ///< integral of R_L (I_b - I)^2
  double source_work_J = 0.0;           ///< integral of I_b V across the source
};

/// T(x, t) at the output times: row k holds the cells at times_s[k].
struct WireProfiles {
  std::vector<double> position_m;  ///< cell centres
  std::vector<double> times_s;
  std::vector<double> temperature_K;         ///< T or T_e; times x cells, row-major
  std::vector<double> phonon_temperature_K;  ///< two-temperature form only
};

/// The detection event. Times are after the photon's arrival.
/// How a detection ends (docs/wire-model.md, "Latching and relaxation
/// oscillations").
enum class WireOutcome {
  /// The hotspot is gone and stays gone: the wire resets.
  recovered,
  /// A resistive domain persists to the end time without collapsing in the
  /// run's second half: a stationary normal domain.
  latched,
  /// The hotspot collapses and forms again while the current never gets
  /// back to 0.9 I_b: the wire switches over and over (Kerman et al., PRB 79,
  /// 100509(R) (2009); Annunziata et al., J. Appl. Phys. 108, 084507 (2010)).
  relaxation_oscillation,
};

/// "recovered", "latched", "relaxation-oscillation".
std::string to_string(WireOutcome outcome);

struct WireSummary {
  double peak_output_voltage_V = 0.0;
  double peak_output_time_s = 0.0;
  double minimum_current_A = 0.0;
  double max_hotspot_length_m = 0.0;
  double max_hotspot_resistance_Ohm = 0.0;
  double max_hotspot_time_s = 0.0;
  double peak_temperature_K = 0.0;
  /// When the last cell turned superconducting again; empty when latched.
  std::optional<double> hotspot_lifetime_s;
  /// When the current was back up to 90% (99%) of I_b after its minimum: the
  /// reset time as the literature states it. Empty when the current never
  /// fell that low, or had not come back by the end.
  std::optional<double> current_recovery_90_time_s;
  std::optional<double> current_recovery_99_time_s;
  /// When I_b - I fell to 10% (1%) of its largest value after the dip
  /// ("90% of the dip recovered"; longer than the above by the part of the
  /// dip that I_b - 0.9 I_b leaves out).
  std::optional<double> recovery_90_time_s;
  std::optional<double> recovery_99_time_s;
  /// tau of the three-parameter fit I_b - I = d_inf + d_0 exp(-t/tau) once the
  /// hotspot is gone, down to 1% of the dip (fit_recovery_time_constant_s).
  std::optional<double> recovery_time_constant_s;
  double inductive_time_constant_s = 0.0;  ///< L_k/R_L
  /// The readout's two modes with R_hs = 0 (WireParameters::circuit_time_constants_s).
  std::array<double, 2> circuit_time_constants_s{};
  WireOutcome outcome = WireOutcome::recovered;
  /// The wire does not reset: a stationary domain or relaxation oscillations
  /// (outcome != recovered).
  bool latched = false;
  /// How often the hotspot formed again after it had vanished.
  int hotspot_reformations = 0;
  double final_hotspot_resistance_Ohm = 0.0;
};

/// Both energy books at the end time, in J.
struct WireEnergyBook {
  double absorbed_J = 0.0;  ///< from the photon (the initial hotspot's heat for a step)
  double joule_J = 0.0;
  double stored_J = 0.0;
  double escaped_J = 0.0;
  double through_ends_J = 0.0;
  /// |absorbed + Joule - stored - escaped - ends| / (absorbed + Joule), the
  /// denominator at its largest (the end of the run).
  double heat_relative_error = 0.0;
  double heat_worst_relative_error = 0.0;  ///< over the trace
  double source_work_J = 0.0;
  double load_J = 0.0;
  double inductor_change_J = 0.0;  ///< L_k (I^2 - I_b^2)/2
  double capacitor_J = 0.0;        ///< C_bt V_C^2/2
  /// |source - Joule - load - inductor - capacitor| / (the largest sum of
  /// their magnitudes over the run).
  double circuit_relative_error = 0.0;
  double circuit_worst_relative_error = 0.0;
};

struct WireResult {
  std::string phonon_model;
  WireModelOptions options;
  WireEscapeLaw escape_law = WireEscapeLaw::linearised;
  /// The smoothed switch's width as used (effective_switch_width_K: the
  /// explicit option or the film's scaled width); 0 for root finding.
  double effective_switch_width_K = 0.0;
  WireParameters parameters;
  double arrival_time_s = 0.0;
  double start_time_s = 0.0;  ///< the arrival, or the pulse window's opening
  double end_time_s = 0.0;    ///< solver.end_time, or the 99% recovery when stopping there
  std::optional<double> pulse_fwhm_s;
  double hotspot_belt_length_m = 0.0;  ///< the photon's hotspot as a belt across the strip
  std::vector<WireSample> trace;
  WireProfiles profiles;
  WireSummary summary;
  WireEnergyBook energy;
  SolverStatistics statistics;
  long switch_events = 0;  ///< cells switched by root finding (each a CVODE restart)
  double solve_wall_time_s = 0.0;
  double solve_cpu_time_s = 0.0;  ///< CPU time of the process during run() (std::clock)
};

class ElectrothermalWire {
 public:
  /// Instantiates the material models (throws ParameterError) and checks the
  /// device, photon and solver settings (std::invalid_argument, std::domain_error).
  ElectrothermalWire(const Device& device, const PluginRegistry& registry,
                     const WireModelOptions& options = {});
  ~ElectrothermalWire();
  ElectrothermalWire(const ElectrothermalWire&) = delete;
  ElectrothermalWire& operator=(const ElectrothermalWire&) = delete;

  /// Runs the model. Throws IntegrationError when CVODE fails.
  WireResult run();

  const ElectrothermalWireSystem& system() const noexcept { return system_; }

 private:
  void make_output_times();
  void start_integrator();
  void advance_to(double time_s);
  void handle_roots(const AdvanceResult& reached);
  void record_sample(double time_s);
  void summarise();
  WireOutcome classify_outcome() const;
  void close_energy_books();

  Device device_;
  WireModelOptions options_;
  WireMaterials materials_;
  ElectrothermalWireSystem system_;
  std::unique_ptr<CvodeIntegrator> integrator_;
  std::vector<double> output_times_s_;
  bool pulse_window_open_ = false;
  bool recovered_ = false;
  // The hotspot's life from the switch states, for the summary.
  std::optional<double> hotspot_gone_time_s_;
  WireResult result_;
};

/// Recovery time constant tau of the current: the three-parameter
/// least-squares fit I_b - I = d_inf + d_0 exp(-(t - t_0)/tau) (d_inf free, so
/// the bias tee's slow drift of the baseline is not read as decay) over the
/// samples after `after_time_s` whose dip is at most `upper` times
/// `peak_dip_A`, up to the first one below `lower` times it (beyond, noise
/// outweighs the decay). Empty when fewer than 5 samples qualify or no
/// exponential fits (docs/wire-model.md, "Figures").
std::optional<double> fit_recovery_time_constant_s(std::span<const double> time_s,
                                                   std::span<const double> dip_A, double peak_dip_A,
                                                   double after_time_s, double upper = 1.0,
                                                   double lower = 0.01);

}  // namespace filmtherm
