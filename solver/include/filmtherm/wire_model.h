// The electrothermal model along the wire (docs/physics.md section 5) as one ODE
// system for CvodeIntegrator: the wire's temperature on a grid of equal
// finite volumes (method of lines; kappa(T) evaluated at the faces; both ends
// held at the substrate temperature), coupled with the readout circuit
//     L_k dI/dt = V_C + R_L (I_b - I) - R_hs I,   C_bt dV_C/dt = I_b - I.
// Two forms: one temperature per cell (Yang et al. 2007, c = C_e + C_ph), or
// the physically complete two-temperature form (T_e and T_ph per cell,
// coupled by P_ep as in the lumped model, section 4; heat flows along the wire
// in the electrons only). A cell is resistive where T >= T*(I), the
// temperature at which I_c(T) = I_c0 (1 - (T/T_c)^2)^2 falls to |I| (this is
// "T >= T_c or |I| >= I_c(T)" in one comparison). A cell's resistive share
// is by default the part of it above T* on the profile interpolated between
// the cell centres (the front switch); or each cell switches whole, located
// by CVODE root finding and followed by a restart; or a transition of a
// documented temperature width is averaged over the cell (smoothed). Every material property comes
// from a plugin model; the Jacobian is analytic and sparse (tridiagonal cells plus the circuit's
// full row and column), for the KLU solver. A second discretisation follows the published 1D codes'
// conventions (WireDiscretisation). Energy integrals (Joule heat, escape to the substrate, flow out
// of the ends, load dissipation and the bias source's work) ride along so that both energy books
// can be closed.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/cvode_integrator.h"
#include "filmtherm/device.h"
#include "filmtherm/material_models.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/two_temperature_model.h"
#include "filmtherm/units.h"

namespace filmtherm {

/// One temperature per cell (Yang 2007), or electrons and phonons apart.
enum class WireTemperatureForm { one_temperature, two_temperature };

/// How the resistive switch of a cell is handled.
enum class ResistiveSwitch {
  /// rho jumps from 0 to rho_n where T crosses T*(I); CVODE locates each
  /// crossing by root finding and restarts there (cvDisc_dns.c). Exact, but
  /// every cell the hotspot front passes costs a restart.
  root_finding,
  /// rho = rho_n S((T - T*(I))/w + 1/2) at each point of the interpolated
  /// profile, S the C2 step 6x^5 - 15x^4 + 10x^3 on [0, 1], averaged over the
  /// cell: a resistive transition of width w (effective_switch_width_K)
  /// centred on T*(I), a film property rather than a numerical device; it
  /// tends to the front switch as w -> 0.
  smoothed,
  /// The sharp switch resolved inside the cells: a cell's resistive share is
  /// the part of it where T, interpolated linearly between the cell centres
  /// (and the bath at the ends), exceeds T*(I). No width; R_hs moves
  /// continuously with the hotspot's edges, which can rest anywhere in a cell.
  front,
};

/// The power a cell loses to the substrate.
enum class WireEscapeLaw {
  /// The escape model's P_esc(T, T_sub) as it stands (for a boundary law,
  /// (sigma_b/d)(T^q - T_sub^q)).
  model_power,
  /// Yang 2007: (alpha(T)/d)(T - T_sub) with alpha(T)/d = dP_esc/dT at T from
  /// the escape model. For the boundary law with q = 4 this is
  /// alpha(T_ref)(T/T_ref)^3/d: the published wire model, which agrees with
  /// the boundary law only to first order in T - T_sub.
  linearised,
};

/// How the heat equation along the wire is discretised (docs/wire-model.md).
enum class WireDiscretisation {
  /// Finite volumes in flux form, kappa at the faces; C_e and kappa by each
  /// cell's temperature (a cell switched by the current below T_c keeps the
  /// superconducting values). Conserves energy.
  conservative,
  /// The conventions of the Yang et al. (2007) family of 1D codes: a
  /// node-local kappa(T_i) d^2T/dx^2; the normal-state C_e = gamma T and
  /// kappa_n in every resistive cell, the superconducting ones elsewhere;
  /// gamma from a quoted C_e(T_ref) read as gamma T_ref. One temperature only.
  published_yang2007,
};

struct WireModelOptions {
  std::size_t cell_count = 500;  ///< at least 3
  WireTemperatureForm form = WireTemperatureForm::one_temperature;
  /// The front switch by default: the sharp switch of the published model
  /// without a width to choose and without pinning the hotspot's edges to
  /// the cells (docs/wire-model.md compares the three, verdicts included).
  ResistiveSwitch resistive_switch = ResistiveSwitch::front;
  /// Width of the smoothed switch. Empty (the default): scaled to the film,
  /// a fixed fraction of the superconducting window T*(I_b) - T_sub and of T_c
  /// (effective_switch_width_K), so that the smoothing never reaches a cell at
  /// the substrate temperature; a value given here is used as it stands.
  std::optional<Temperature> switch_width;
  /// Empty: linearised for the one-temperature form (as published), the
  /// model's power for the two-temperature form.
  std::optional<WireEscapeLaw> escape_law;
  WireDiscretisation scheme = WireDiscretisation::conservative;
  LinearSolverKind linear_solver = LinearSolverKind::sparse;  ///< dense for small checks
  /// End the run at the time the current is back within 1% of its dip
  /// (photon to recovery, for benchmarks); false: run to solver.end_time.
  bool stop_at_recovery = false;
  /// Keep T(x, t) at every output time (WireResult::profiles).
  bool record_profiles = true;

  WireEscapeLaw effective_escape_law() const;
};

/// "one-temperature", "two-temperature"; "root-finding", "smoothed";
/// "model-power", "linearised"; "conservative", "published".
std::string to_string(WireTemperatureForm form);
std::string to_string(ResistiveSwitch resistive_switch);
std::string to_string(WireEscapeLaw escape_law);
std::string to_string(WireDiscretisation scheme);

/// The choices as hosts spell them ("one" or "one-temperature", "two" ...;
/// "smoothed", "root-finding"; "model-power", "linearised"); nullopt for
/// anything else.
std::optional<WireTemperatureForm> parse_temperature_form(std::string_view text);
std::optional<ResistiveSwitch> parse_resistive_switch(std::string_view text);
std::optional<WireEscapeLaw> parse_escape_law(std::string_view text);
/// "conservative"; "published" or "published-yang2007".
std::optional<WireDiscretisation> parse_wire_discretisation(std::string_view text);

/// The five material models of a wire run, instantiated from a Device.
struct WireMaterials {
  MaterialElectronHeatCapacity electron_heat_capacity;
  MaterialPhononHeatCapacity phonon_heat_capacity;
  MaterialElectronPhononPower electron_phonon_power;
  MaterialPhononEscapePower phonon_escape_power;
  MaterialThermalConductivity thermal_conductivity;
};

/// Instantiates the device's model choices. Throws ParameterError naming the
/// property and the place in the input file, std::invalid_argument when the
/// material gives no thermal_conductivity.
WireMaterials instantiate_wire_materials(const Device& device, const PluginRegistry& registry);

/// Geometry, material constants and circuit of the wire in SI, and the grid.
struct WireParameters {
  double length_m = 0.0;
  double width_m = 0.0;
  double thickness_m = 0.0;
  std::size_t cell_count = 0;
  double substrate_temperature_K = 0.0;
  double critical_temperature_K = 0.0;    ///< T_c
  double normal_resistivity_Ohm_m = 0.0;  ///< rho_n
  double critical_current_A = 0.0;        ///< I_c0, at T = 0
  double bias_current_A = 0.0;            ///< I_b
  double load_resistance_Ohm = 0.0;       ///< R_L
  double kinetic_inductance_H = 0.0;      ///< L_k
  double bias_tee_capacitance_F = 0.0;    ///< C_bt
  /// C_e(T_ref) [J m^-3 K^-1] and T_ref [K] as the material quotes them when its
  /// electron model is given by that pair (heat_capacity_at_reference,
  /// reference_temperature); 0 when it states gamma. The published scheme reads
  /// the figure as the normal-state gamma T_ref (docs/wire-model.md).
  double quoted_electron_capacity_J_per_m3_K = 0.0;
  double quoted_electron_capacity_reference_K = 0.0;

  /// From the device (circuit, critical temperature and normal resistivity
  /// required: std::invalid_argument naming what is missing; non-positive or
  /// inconsistent values, e.g. I_b >= I_c0: std::domain_error).
  static WireParameters from_device(const Device& device, std::size_t cell_count);

  double cell_length_m() const noexcept { return length_m / static_cast<double>(cell_count); }
  double cross_section_m2() const noexcept { return width_m * thickness_m; }
  double cell_volume_m3() const noexcept { return cell_length_m() * cross_section_m2(); }
  /// rho_n dx/(w d): the resistance of one resistive cell.
  double cell_resistance_Ohm() const noexcept;
  /// Centre of cell i.
  double cell_centre_m(std::size_t cell) const noexcept;
  /// I_c(T) = I_c0 (1 - (T/T_c)^2)^2 below T_c, 0 above.
  double critical_current_A_at(double temperature_K) const noexcept;
  /// T*(I) = T_c sqrt(1 - sqrt(|I|/I_c0)), where I_c(T*) = |I|; 0 for |I| >= I_c0.
  double switching_temperature_K(double current_A) const noexcept;
  /// dT*/dI [K/A] (0 where T* is flat or not differentiable).
  double switching_temperature_slope_K_per_A(double current_A) const noexcept;
  /// The two decay times of the readout alone (R_hs = 0): the roots of
  /// L_k C_bt s^2 + R_L C_bt s + 1 = 0, fast (about L_k/R_L) first.
  std::array<double, 2> circuit_time_constants_s() const;
};

/// The smoothed switch's scaled width is this fraction of the superconducting
/// window T*(I_b) - T_sub at the bias current ...
inline constexpr double switch_width_window_fraction = 0.1;
/// ... and at most this fraction of T_c.
inline constexpr double switch_width_critical_fraction = 0.05;

/// The width [K] the smoothed switch uses with these options: the explicit
/// `options.switch_width`, or, when empty, min(0.1 (T*(I_b) - T_sub), 0.05 T_c)
/// (docs/wire-model.md, "The resistive switch"). Since |I| <= I_b keeps T*(I)
/// >= T*(I_b), the scaled window [T* - w/2, T* + w/2] stays 0.95 of the window
/// above the substrate at every current the wire carries after the photon.
/// Returns the width also for root finding (which does not use it).
double effective_switch_width_K(const WireParameters& parameters, const WireModelOptions& options);

/// The events of a detection: the current minimum (peak output voltage), the
/// recovery of the current to within 10% and 1% of its dip, and the moment
/// the last resistive cell turned superconducting again.
struct WireCircuitEvents {
  std::optional<double> minimum_time_s;
  double minimum_current_A = 0.0;
  std::optional<double> recovery_90_time_s;
  std::optional<double> recovery_99_time_s;
  /// After the minimum, the current back up to 90% and 99% of I_b (the
  /// literature's reset time); empty when it never fell below that.
  std::optional<double> bias_recovery_90_time_s;
  std::optional<double> bias_recovery_99_time_s;
  /// The latest time the hotspot vanished (it may come back and vanish again).
  std::optional<double> hotspot_gone_time_s;
  /// How often it formed again after it had vanished.
  int hotspot_reformations = 0;
};

class ElectrothermalWireSystem final : public OdeSystem {
 public:
  /// `photon` places the hotspot as a belt of its volume's length across the
  /// strip at the middle of the wire (a disc of radius r becomes a belt of
  /// length pi r^2/w). Throws std::invalid_argument for fewer than 3 cells.
  ElectrothermalWireSystem(const WireMaterials& materials, const WireParameters& parameters,
                           const WireModelOptions& options, PhotonDeposit photon);
  ~ElectrothermalWireSystem() override;
  ElectrothermalWireSystem(const ElectrothermalWireSystem&) = delete;
  ElectrothermalWireSystem& operator=(const ElectrothermalWireSystem&) = delete;

  // State layout: temperature rises above T_sub (one per cell, or T_e and
  // T_ph interleaved per cell), then I [A], V_C [V], and the energy
  // integrals [J].
  std::size_t cell_count() const noexcept { return cells_; }
  bool two_temperature() const noexcept { return two_temperature_; }
  /// Index of cell i's T (one-temperature) or T_e (two-temperature).
  std::size_t electron_index(std::size_t cell) const noexcept {
    return two_temperature_ ? 2 * cell : cell;
  }
  /// Index of cell i's T_ph (two-temperature); electron_index otherwise.
  std::size_t phonon_index(std::size_t cell) const noexcept {
    return two_temperature_ ? 2 * cell + 1 : cell;
  }
  std::size_t current_index() const noexcept { return temperature_count_; }
  std::size_t capacitor_index() const noexcept { return temperature_count_ + 1; }
  std::size_t joule_energy_index() const noexcept { return temperature_count_ + 2; }
  std::size_t escaped_energy_index() const noexcept { return temperature_count_ + 3; }
  std::size_t end_energy_index() const noexcept { return temperature_count_ + 4; }
  std::size_t load_energy_index() const noexcept { return temperature_count_ + 5; }
  std::size_t source_work_index() const noexcept { return temperature_count_ + 6; }

  std::size_t size() const override { return temperature_count_ + 7; }
  std::string component_name(std::size_t index) const override;
  void right_hand_side(double time_s, std::span<const double> state,
                       std::span<double> derivative) override;
  bool has_jacobian() const override { return true; }
  void jacobian(double time_s, std::span<const double> state, std::span<const double> derivative,
                JacobianMatrix& jacobian) override;
  std::vector<std::vector<std::size_t>> jacobian_pattern() const override;

  /// Root functions: with root finding, one per cell (T - T*(I)) first; then
  /// the six events of WireCircuitEvents (the hotspot's end as the hottest
  /// cell falling through T*(I), or T*(I) - w/2 when smoothed).
  std::size_t root_count() const override;
  void roots(double time_s, std::span<const double> state, std::span<double> values) override;
  std::vector<int> root_directions() const override;
  /// Index of the first circuit-event root.
  std::size_t circuit_root_offset() const noexcept;

  /// Root finding: flips the cells whose switch roots CVode found
  /// (AdvanceResult::roots); returns how many flipped. The caller restarts CVODE.
  std::size_t apply_switch_roots(std::span<const int> found);
  /// Records the events found at `time_s`.
  void record_circuit_roots(double time_s, std::span<const double> state,
                            std::span<const int> found);
  /// The current minimum passed at a restart (R_hs fell across it) rather
  /// than inside a step: recorded here by the driver.
  void record_current_minimum(double time_s, double current_A);
  const WireCircuitEvents& circuit_events() const noexcept { return events_; }

  /// dR_hs/dt [Ohm/s] where the cells change at `rate` (a right-hand side)
  /// and the current at `current_rate_A_per_s`; 0 for root finding (R_hs
  /// changes only at the switches).
  double hotspot_resistance_rate_Ohm_per_s(std::span<const double> state,
                                           std::span<const double> rate,
                                           double current_rate_A_per_s) const;
  /// dI/dt [A/s] with the present switch states.
  double current_rate_A_per_s(std::span<const double> state) const;
  /// R_hs [Ohm] with the present switch states.
  double hotspot_resistance_Ohm(std::span<const double> state) const;
  /// Thermal energy of the wire above T_sub [J] (electrons and phonons).
  double stored_energy_J(std::span<const double> state) const;

  /// The wire at rest with the hotspot of the photon (or of the given
  /// temperature); I = I_b, V_C = 0; also sets the switch states.
  std::vector<double> initial_state();
  /// Where the integration starts: the arrival of a step, or the pulse window's opening.
  double start_time_s() const;
  /// Energy the photon has put into the wire up to `time_s` [J]: the initial
  /// hotspot's energy for a step, the pulse's integral for a pulse.
  double absorbed_energy_J(double time_s) const;
  /// Fraction of each cell that the photon's belt covers.
  const std::vector<double>& hotspot_coverage() const noexcept { return coverage_; }

  const WireParameters& parameters() const noexcept { return parameters_; }
  const PhotonDeposit& photon() const noexcept { return photon_; }
  WireEscapeLaw escape_law() const noexcept { return escape_law_; }
  /// The smoothed switch's width [K] (effective_switch_width_K); 0 for root finding.
  double switch_width_K() const noexcept { return smoothed_ ? switch_width_K_ : 0.0; }
  ResistiveSwitch resistive_switch() const noexcept { return options_.resistive_switch; }
  /// One root function and a restart per switching cell.
  bool root_finding() const noexcept { return !smoothed_ && !front_; }

 private:
  struct Workspace;
  struct PublishedScheme;  // wire_published_scheme.h
  void published_right_hand_side(double time_s, std::span<const double> state,
                                 std::span<double> derivative);
  void published_jacobian(std::span<const double> state, std::span<const double> derivative,
                          JacobianMatrix& jacobian);
  double published_stored_energy_J(std::span<const double> state) const;
  void evaluate_published_cells(std::span<const double> state, bool with_slopes) const;
  void evaluate_cells(std::span<const double> state, bool with_shifted_escape) const;
  /// s_i into the workspace, for the switch in use, and with `with_slopes`
  /// their slopes (the Jacobian's and dR_hs/dt's; the right-hand side and
  /// the root functions need the shares alone).
  void evaluate_resistive_shares(double current_A, bool with_slopes) const;
  /// The cells' temperatures from `state`, then evaluate_resistive_shares.
  void evaluate_resistive_shares(std::span<const double> state, bool with_slopes) const;
  /// sum_i ds_i/dT_j after evaluate_cells: how R_hs / R_cell moves with cell j.
  double resistance_slope_per_cell(std::size_t j) const;
  void set_coverage();
  double cell_temperature_for_energy(double energy_density_above_bath, bool electrons_only) const;

  const WireMaterials& materials_;
  WireParameters parameters_;
  WireModelOptions options_;
  PhotonDeposit photon_;
  WireEscapeLaw escape_law_;
  std::size_t cells_;
  bool two_temperature_;
  bool smoothed_;
  bool front_;
  double switch_width_K_;
  double hotspot_edge_margin_K_;  // the sharp switches' hotspot-end level below T*
  std::size_t temperature_count_;
  std::vector<double> coverage_;
  std::vector<char> resistive_;  // root finding: the switch state of each cell
  double initial_energy_J_ = 0.0;
  WireCircuitEvents events_;
  std::unique_ptr<Workspace> work_;  // buffers for the plugin calls; mutable through const
  std::unique_ptr<PublishedScheme> published_;  // set for WireDiscretisation::published_yang2007
};

}  // namespace filmtherm
