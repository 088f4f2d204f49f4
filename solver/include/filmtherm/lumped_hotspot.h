// The lumped normal-domain hotspot driven by a host's current: the cheap
// option of the circuit co-simulation (docs/spice.md, "The lumped hotspot").
// The hotspot is one normal domain of length l(t) whose two ends move with the
// Skocpol-Beasley-Tinkham front velocity (W. J. Skocpol, M. R. Beasley,
// M. Tinkham, J. Appl. Phys. 45, 4054 (1974)), as in the SPICE models of
// K. K. Berggren et al., Supercond. Sci. Technol. 31, 055010 (2018):
//     dl/dt = 2 v(I),  v = v0 (psi i^2 - 2) / sqrt(psi i^2 - 1),  i = I / I_sw,
//     v0 = sqrt(h kappa / d) / c,  psi = rho_n I_sw^2 / (h w^2 d (T_c - T_sub)),
//     R_hs = rho_n l / (w d).
// The domain cannot exist at psi i^2 <= 1 (v -> -infinity): it collapses
// there at once, and a domain that shrinks to l = 0 is gone too; it never
// comes back (no new photon). It cannot outgrow the wire (l <= the film's
// length). The constants c, h, kappa come from the device's own material
// models as secants over [T_sub, T_c] (lumped_hotspot_constants), I_sw =
// I_c(T_sub) of the wire model, and the domain starts at the photon's arrival
// with the 1D wire's belt length, provided the photon's energy would heat
// that belt to the switching temperature T*(I_b) (else no domain forms). Since v depends on I
// alone, the length under a current linear in time is an exact closed form (no ODE solver): the
// host's step is split where psi i^2 crosses 1 and 2, and the collapse is
// located within the step by root finding on that closed form.
#pragma once

#include <optional>

#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/wire_model.h"

namespace filmtherm {

/// The lumped hotspot's constants, all SI, derived from a device.
struct LumpedHotspotConstants {
  double critical_temperature_K = 0.0;          ///< T_c
  double substrate_temperature_K = 0.0;         ///< T_sub
  double heat_capacity_J_per_m3_K = 0.0;        ///< c, secant of U_e + U_ph over [T_sub, T_c]
  double heat_transfer_W_per_m2_K = 0.0;        ///< h = d P_esc(T_c, T_sub) / (T_c - T_sub)
  double thermal_conductivity_W_per_m_K = 0.0;  ///< kappa, mean over [T_sub, T_c]
  double switching_current_A = 0.0;             ///< I_sw = I_c(T_sub)
  double stekly_parameter = 0.0;                ///< psi
  double velocity_scale_m_per_s = 0.0;          ///< v0
  double minimum_current_A = 0.0;               ///< I_ss = I_sw / sqrt(psi): psi i^2 = 1
  double propagation_current_A = 0.0;           ///< I_mp = I_sw sqrt(2 / psi): v = 0
  double initial_length_m = 0.0;                ///< l0, the photon's belt
  /// The photon's energy density in its belt above the bath [J/m^3]: eta E/V,
  /// or U(T_hs) - U(T_sub) for a given hotspot temperature (U = U_e + U_ph,
  /// the 1D wire's one-temperature content) ...
  double photon_energy_density_J_per_m3 = 0.0;
  /// ... and U(T*(I_b)) - U(T_sub), what the belt needs to switch at the bias
  /// (T*(I) the 1D wire's switching temperature). Less: no domain forms.
  double switching_energy_density_J_per_m3 = 0.0;
  double wire_length_m = 0.0;                    ///< the film's length, l's ceiling
  double resistance_per_length_Ohm_per_m = 0.0;  ///< rho_n / (w d)
  double load_resistance_Ohm = 0.0;              ///< the device's R_L, the step cap's scale
  double start_time_s = 0.0;                     ///< the photon's arrival

  /// u = sqrt(psi) |I| / I_sw, so that psi i^2 = u^2.
  double reduced_current(double current_A) const noexcept;
  /// v(I) [m/s] for psi i^2 > 1; -infinity at or below (the domain collapses).
  double front_velocity_m_per_s(double current_A) const noexcept;
};

/// The constants from the wire's materials, parameters and photon:
///   c = [U_e(T_c) - U_e(T_sub) + U_ph(T_c) - U_ph(T_sub)] / (T_c - T_sub),
///   h = d P_esc(T_c, T_sub) / (T_c - T_sub),  kappa = mean of kappa(T) over
///   [T_sub, T_c] (Gauss-Kronrod), I_sw = I_c0 (1 - (T_sub/T_c)^2)^2,
///   l0 = the photon's hotspot volume / (w d).
/// Throws std::domain_error when a constant is not positive and finite, or
/// the belt does not fit in the wire.
LumpedHotspotConstants lumped_hotspot_constants(const WireMaterials& materials,
                                                const WireParameters& parameters,
                                                const PhotonDeposit& photon);

/// What the domain looks like at its present time.
struct LumpedHotspotObservation {
  double time_s = 0.0;
  double hotspot_resistance_Ohm = 0.0;  ///< rho_n l / (w d)
  double hotspot_length_m = 0.0;        ///< l
  bool collapsed = false;               ///< the domain has gone (for good)
  std::optional<double> collapse_time_s;
};

class LumpedHotspotWire {
 public:
  /// The domain of a device's photon: needs the device's circuit (I_c0 and
  /// R_L), T_c and rho_n, and a thermal-conductivity model. Throws what
  /// WireParameters::from_device and instantiate_wire_materials throw, and
  /// std::domain_error from lumped_hotspot_constants.
  LumpedHotspotWire(const Device& device, const PluginRegistry& registry);
  /// From constants directly (tests, hosts that derive their own).
  explicit LumpedHotspotWire(const LumpedHotspotConstants& constants);

  double start_time_s() const noexcept { return constants_.start_time_s; }
  double time_s() const noexcept { return state_.time_s; }
  /// Moves from time_s() to end_time_s with the current going linearly from
  /// start_current_A to end_current_A; exact (closed form), the collapse
  /// located within the step. Throws std::invalid_argument when end_time_s
  /// <= time_s() or a current is not finite.
  void advance(double end_time_s, double start_current_A, double end_current_A);
  LumpedHotspotObservation observe() const;
  /// The longest next step over which, with the current going on at
  /// `current_rate_A_per_s`, R_hs stays within `relative_change` (R_hs + R_L)
  /// of its present value (the largest excursion, not only the end value),
  /// or, when the domain would collapse before that, a step that ends just
  /// past the predicted collapse (0.1 % of it, and at least 1e-3 of the time
  /// the ends take to move the allowance at v0) so that no step passes over
  /// it. +infinity when the domain is gone or cannot change.
  double max_step_s(double current_A, double current_rate_A_per_s, double relative_change) const;
  /// One slot, holding the start until the first save.
  void save();
  void restore();
  const LumpedHotspotConstants& constants() const noexcept { return constants_; }
  /// Closed-form pieces computed so far (a piece ends where psi i^2 crosses 1 or 2).
  long pieces() const noexcept { return state_.pieces; }

  /// The domain's state; public for the prediction of max_step_s.
  struct State {
    double time_s = 0.0;
    double length_m = 0.0;
    bool collapsed = false;
    std::optional<double> collapse_time_s;
    long pieces = 0;
  };

 private:
  LumpedHotspotConstants constants_;
  State state_;
  State saved_;
};

}  // namespace filmtherm
