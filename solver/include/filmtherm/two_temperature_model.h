// The lumped two-temperature hotspot model (docs/physics.md section 4) as an ODE
// system for CvodeIntegrator:
//     C_e(T_e)     dT_e/dt  = p_abs(t) - P_ep(T_e, T_ph)
//     C_ph(T_ph;d) dT_ph/dt = P_ep(T_e, T_ph) - P_esc(T_ph, T_b; d)
//     dE_esc/dt             = P_esc
// Every material property comes from a plugin model instantiated through the
// PluginRegistry (material_models.h); the Jacobian is analytic, built from the
// slopes the models return. The photon arrives either as an instant energy
// step (the electron temperature that holds the absorbed energy is found by
// root finding on the model's energy density) or as a Gaussian pulse. Root
// functions mark the temperature peaks and the falls to half and to 1% of
// each temperature's rise above the bath.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "filmtherm/cvode_integrator.h"
#include "filmtherm/device.h"
#include "filmtherm/material_models.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm {

/// The four material models of a lumped run, instantiated from a Device.
struct TwoTemperatureMaterials {
  MaterialElectronHeatCapacity electron_heat_capacity;
  MaterialPhononHeatCapacity phonon_heat_capacity;
  MaterialElectronPhononPower electron_phonon_power;
  MaterialPhononEscapePower phonon_escape_power;
};

/// Instantiates the device's model choices with the registry. Throws
/// ParameterError whose message names the property, the model and the place
/// in the input file.
TwoTemperatureMaterials instantiate_materials(const Device& device, const PluginRegistry& registry);

/// A copy of `device` whose phonon heat capacity uses `phonon_model`, keeping
/// only the parameters that model declares (the built-in film, film-low-T,
/// debye and debye-low-T share parameter names). Throws ParameterError for an
/// unknown model or one that supplies another property.
Device with_phonon_model(const Device& device, const std::string& phonon_model,
                         const PluginRegistry& registry);

/// The absorbed photon: how much energy goes into the hotspot, and when.
struct PhotonDeposit {
  double absorbed_energy_J = 0.0;  ///< eta E
  double hotspot_volume_m3 = 0.0;  ///< V = w l d or pi r^2 d
  double arrival_time_s = 0.0;     ///< step time, or the pulse's centre
  double pulse_fwhm_s = 0.0;       ///< 0: instant energy step
  /// > 0: the step starts the electrons at this temperature (photon.hotspot_temperature)
  /// and the absorbed energy is what that takes, V (U_e(T) - U_e(T_b)).
  double initial_electron_temperature_K = 0.0;

  /// From the device's photon, film and hotspot geometry (docs/physics.md 4).
  static PhotonDeposit from_device(const Device& device);

  bool is_pulse() const noexcept { return pulse_fwhm_s > 0.0; }
  /// eta E / V [J m^-3].
  double absorbed_energy_density() const noexcept;
  /// p_abs(t) [W m^-3]: zero for a step (it enters the initial state).
  double power_density(double time_s) const noexcept;
  /// Energy density absorbed up to `time_s` [J m^-3].
  double absorbed_energy_density_until(double time_s) const noexcept;
  /// The pulse is resolved on [start, end] = centre -+ this many FWHM.
  static constexpr double pulse_half_window_fwhm = 5.0;
};

/// Everything the trace records at one state.
struct TwoTemperaturePoint {
  double electron_temperature_K = 0.0;
  double phonon_temperature_K = 0.0;
  double electron_heat_capacity = 0.0;  ///< J m^-3 K^-1
  double phonon_heat_capacity = 0.0;    ///< J m^-3 K^-1
  double electron_phonon_power = 0.0;   ///< W m^-3
  double escape_power = 0.0;            ///< W m^-3
  double electron_energy = 0.0;         ///< U_e(T_e) - U_e(T_b), J m^-3
  double phonon_energy = 0.0;           ///< U_ph(T_ph) - U_ph(T_b), J m^-3
  double escaped_energy = 0.0;          ///< J m^-3
};

/// Peak and falls of one temperature, located by root finding.
struct TemperatureEvents {
  std::optional<double> peak_time_s;
  double peak_temperature_K = 0.0;
  std::optional<double> half_rise_time_s;         ///< back to T_b + rise / 2
  std::optional<double> one_percent_rise_time_s;  ///< back to T_b + rise / 100
};

class TwoTemperatureSystem final : public OdeSystem {
 public:
  /// State components. The temperatures are carried as rises above the bath
  /// so that CVODE's relative tolerance controls the rise, not the total
  /// temperature, down to the end of the tail.
  enum Component : std::size_t { electron_rise = 0, phonon_rise = 1, escaped_energy = 2 };

  /// `critical_temperature_K` (the material's T_c, if it has one) adds a root
  /// function where T_e crosses T_c: superconducting C_e models jump there, and
  /// the driver restarts CVODE at the crossing instead of stepping across it.
  TwoTemperatureSystem(const TwoTemperatureMaterials& materials, double film_thickness_m,
                       double bath_temperature_K, PhotonDeposit photon,
                       std::optional<double> critical_temperature_K = std::nullopt);

  std::size_t size() const override { return 3; }
  std::string component_name(std::size_t index) const override;
  void right_hand_side(double time_s, std::span<const double> state,
                       std::span<double> derivative) override;
  bool has_jacobian() const override { return true; }
  void jacobian(double time_s, std::span<const double> state, std::span<const double> derivative,
                JacobianMatrix& jacobian) override;
  std::size_t root_count() const override { return 7; }
  /// The root function that marks T_e crossing T_c.
  static constexpr std::size_t critical_temperature_root = 6;
  void roots(double time_s, std::span<const double> state, std::span<double> values) override;
  std::vector<int> root_directions() const override;

  /// Updates the event record after CVode stopped at the roots `found`
  /// (AdvanceResult::roots) at `time_s`.
  void record_roots(double time_s, std::span<const double> state, std::span<const int> found);

  /// The state at the start of the integration: the bath (pulse), or the
  /// electrons holding the absorbed energy (step).
  std::array<double, 3> initial_state() const;
  /// Where the integration starts: the step time, or the pulse's window start.
  double start_time_s() const;
  /// T_e right after an instant step: solves int_{T_b}^{T_e0} C_e dT = eta E / V.
  double step_electron_temperature_K() const;

  TwoTemperaturePoint evaluate(std::span<const double> state) const;

  /// Time constants -1/lambda of the system linearised at the bath, fast first.
  std::array<double, 2> linearised_time_constants_s() const;

  const TemperatureEvents& electron_events() const noexcept { return electron_events_; }
  const TemperatureEvents& phonon_events() const noexcept { return phonon_events_; }
  double bath_temperature_K() const noexcept { return bath_temperature_K_; }
  const PhotonDeposit& photon() const noexcept { return photon_; }

 private:
  struct Rates;
  Rates rates(double time_s, std::span<const double> state) const;
  bool events_active(double time_s) const;

  const TwoTemperatureMaterials& materials_;
  double film_thickness_m_;
  double bath_temperature_K_;
  PhotonDeposit photon_;
  std::optional<double> critical_temperature_K_;
  double bath_electron_energy_;
  double bath_phonon_energy_;
  TemperatureEvents electron_events_;
  TemperatureEvents phonon_events_;
};

}  // namespace filmtherm
