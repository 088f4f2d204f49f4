// Heat flow in and out of a film (docs/physics.md section 3): the electron-phonon power
// P_ep = Sigma (T_e^m - T_ph^m); phonon escape to the substrate at T_b, either with a fixed
// escape time, P_esc = C_ph(T_ph) (T_ph - T_b)/tau_esc, or by a boundary law,
// P_esc = (sigma_b/d)(T_ph^q - T_b^q) (q = 4: acoustic mismatch), with the effective escape
// time d C_ph/(q sigma_b T^(q-1)); and the film's thermal conductivity, kappa_n = L0 T/rho_n
// (Wiedemann-Franz) in the normal state and kappa_s = kappa_n T/T_c (Yang 2007) in the
// superconducting state. Every power comes with its derivatives with respect to the
// temperatures a solver integrates (for Jacobians). Powers are per unit volume of film
// [W m^-3]; all temperatures must be >= 0 and finite (std::domain_error otherwise).
//
// Prefactors of power laws whose exponent is a run-time number (Sigma in W m^-3 K^-m,
// sigma_b in W m^-2 K^-q) cannot carry a static dimension: they are doubles with the unit in
// the name, and the typed constructors take parameters of fixed dimension instead
// (tau_eph at T0; the boundary conductance at T_ref). Integer exponents up to 5 (q = 3, 4;
// m = 5; their slopes' q - 1, m - 1) are multiplied out instead of calling std::pow
// (integer_power.h): within 4 ulp of the std::pow value, an order of magnitude cheaper.
#pragma once

#include "filmtherm/constants.h"
#include "filmtherm/integer_power.h"
#include "filmtherm/units.h"

namespace filmtherm {

namespace units {
using acoustic_mismatch_coefficient_dimension =
    bu::derived_dimension<bu::mass_base_dimension, 1, bu::time_base_dimension, -3,
                          bu::temperature_base_dimension, -4>::type;
}  // namespace units

/// sigma_b of the acoustic-mismatch boundary law P = (sigma_b/d)(T^4 - T_b^4), W m^-2 K^-4.
using AcousticMismatchCoefficient =
    Quantity<units::si_unit<units::acoustic_mismatch_coefficient_dimension>>;

/// P_ep = Sigma (T_e^m - T_ph^m): the power per unit volume the electrons give the phonons.
class ElectronPhononCoupling {
 public:
  /// From the electron-phonon time at a reference temperature T0, with 1/tau_eph ~ T^p:
  /// m = p + 2 and Sigma = C_e(T0)/(m T0^(m-1) tau_eph(T0)), so that linearising P_ep in T_e
  /// at T0 gives back C_e(T0)/tau_eph(T0) (for C_e = gamma T, tau_eph(T) ~ T^-p at all T).
  /// The caller passes C_e(T0) from its electron model. NbN: p = 3.2-3.8 and
  /// tau_eph(10 K) = 10-17 ps (docs/physics.md section 6). Throws std::invalid_argument unless
  /// tau, T0 and C_e(T0) are positive and finite and p >= -1 (m >= 1).
  ElectronPhononCoupling(Time electron_phonon_time_at_reference, Temperature reference_temperature,
                         double inverse_time_exponent_p,
                         VolumetricHeatCapacity electron_heat_capacity_at_reference);

  /// From Sigma [W m^-3 K^-m] and m directly. Throws std::invalid_argument unless Sigma > 0
  /// and m >= 1, both finite.
  static ElectronPhononCoupling from_coupling_constant(double coupling_constant_W_per_m3_K_m,
                                                       double temperature_exponent_m);

  /// Sigma [W m^-3 K^-m].
  double coupling_constant_W_per_m3_K_m() const { return sigma_; }
  /// m.
  double temperature_exponent() const { return exponent_; }

  PowerDensity power(Temperature electron_temperature, Temperature phonon_temperature) const;
  /// dP_ep/dT_e = m Sigma T_e^(m-1).
  PowerDensityPerKelvin power_slope_electron(Temperature electron_temperature) const;
  /// dP_ep/dT_ph = -m Sigma T_ph^(m-1).
  PowerDensityPerKelvin power_slope_phonon(Temperature phonon_temperature) const;
  /// tau_eph(T) = C_e(T)/(dP_ep/dT_e) at T: the electron relaxation time of a small
  /// excess. Throws std::domain_error unless T > 0.
  Time electron_phonon_time(Temperature temperature,
                            VolumetricHeatCapacity electron_heat_capacity) const;

  double power_W_per_m3(double electron_temperature_K, double phonon_temperature_K) const;
  double power_slope_electron_W_per_m3_K(double electron_temperature_K) const;
  double power_slope_phonon_W_per_m3_K(double phonon_temperature_K) const;

 private:
  ElectronPhononCoupling(double coupling_constant_W_per_m3_K_m, double temperature_exponent_m);

  double sigma_;                    // W m^-3 K^-m
  double exponent_;                 // m
  FixedExponentPower power_;        // T^m
  FixedExponentPower slope_power_;  // T^(m-1)
};

/// Phonon escape with a fixed time: P_esc = C_ph(T_ph) (T_ph - T_b)/tau_esc. The caller
/// passes C_ph (and dC_ph/dT for the slope) from its phonon model. Sidorova 2020 estimates
/// tau_esc ~ 5-6 ps per nm of NbN film thickness (docs/physics.md section 6).
class FixedTimePhononEscape {
 public:
  /// Throws std::invalid_argument unless tau_esc is positive and finite.
  explicit FixedTimePhononEscape(Time escape_time);

  Time escape_time() const;

  PowerDensity power(Temperature phonon_temperature, Temperature bath_temperature,
                     VolumetricHeatCapacity phonon_heat_capacity) const;
  /// dP_esc/dT_ph = (C_ph + (dC_ph/dT)(T_ph - T_b))/tau_esc.
  PowerDensityPerKelvin power_slope(Temperature phonon_temperature, Temperature bath_temperature,
                                    VolumetricHeatCapacity phonon_heat_capacity,
                                    HeatCapacitySlope phonon_heat_capacity_slope) const;

  double power_W_per_m3(double phonon_temperature_K, double bath_temperature_K,
                        double phonon_heat_capacity_J_per_m3_K) const;
  double power_slope_W_per_m3_K(double phonon_temperature_K, double bath_temperature_K,
                                double phonon_heat_capacity_J_per_m3_K,
                                double phonon_heat_capacity_slope_J_per_m3_K2) const;

 private:
  double escape_time_s_;
};

/// Phonon escape by a boundary law, P_esc = (sigma_b/d)(T_ph^q - T_b^q): q = 4 for acoustic
/// mismatch, q ~ 3 reported for NbTiN. The boundary conductance is
/// alpha(T) = d * dP/dT_ph = q sigma_b T^(q-1) [W m^-2 K^-1]. Note that the wire model of
/// Yang 2007 (docs/physics.md section 5) uses (alpha(T)/d)(T - T_sub) instead, which agrees with
/// this law only to first order in T - T_sub.
class BoundaryLawPhononEscape {
 public:
  /// From the boundary conductance at a reference temperature, alpha(T_ref) =
  /// q sigma_b T_ref^(q-1) (Yang 2007 NbN: 8e5 W m^-2 K^-1 at 10 K, q = 4), the exponent q
  /// and the film thickness d. Throws std::invalid_argument unless alpha, T_ref and d are
  /// positive and finite and q >= 1.
  BoundaryLawPhononEscape(BoundaryConductance conductance_at_reference,
                          Temperature reference_temperature, double boundary_exponent_q,
                          Length film_thickness);

  /// Acoustic mismatch, q = 4, with sigma_b in W m^-2 K^-4. Throws std::invalid_argument
  /// unless sigma_b and d are positive and finite.
  static BoundaryLawPhononEscape acoustic_mismatch(AcousticMismatchCoefficient sigma_b,
                                                   Length film_thickness);

  /// sigma_b [W m^-2 K^-q].
  double boundary_coefficient_W_per_m2_K_q() const { return sigma_b_; }
  /// q.
  double boundary_exponent() const { return exponent_; }
  Length film_thickness() const;
  /// alpha(T) = q sigma_b T^(q-1).
  BoundaryConductance boundary_conductance(Temperature temperature) const;

  PowerDensity power(Temperature phonon_temperature, Temperature bath_temperature) const;
  /// dP_esc/dT_ph = (q sigma_b/d) T_ph^(q-1) = alpha(T_ph)/d.
  PowerDensityPerKelvin power_slope(Temperature phonon_temperature) const;
  /// tau_esc(T) = C_ph(T)/(dP_esc/dT_ph) = d C_ph/(q sigma_b T^(q-1)): independent of T and
  /// linear in d for Debye phonons with q = 4, growing as d^2 T under confinement
  /// (docs/physics.md section 3). The caller passes C_ph(T). Throws std::domain_error unless T > 0.
  Time effective_escape_time(Temperature phonon_temperature,
                             VolumetricHeatCapacity phonon_heat_capacity) const;

  double power_W_per_m3(double phonon_temperature_K, double bath_temperature_K) const;
  double power_slope_W_per_m3_K(double phonon_temperature_K) const;

 private:
  BoundaryLawPhononEscape(double sigma_b_W_per_m2_K_q, double boundary_exponent_q,
                          double film_thickness_m);

  double sigma_b_;   // W m^-2 K^-q
  double exponent_;  // q
  double film_thickness_m_;
  FixedExponentPower power_;        // T^q
  FixedExponentPower slope_power_;  // T^(q-1)
};

/// The Sommerfeld value pi^2 k_B^2/(3 e^2) = 2.443e-8 W Ohm K^-2, from the exact SI
/// constants: the default, as it is what the Wiedemann-Franz law derives.
inline constexpr LorenzNumber sommerfeld_lorenz_number =
    from_si<LorenzNumber>(si_constants::lorenz_number_W_Ohm_per_K2);
/// 2.45e-8 W Ohm K^-2 (docs/physics.md section 3, Yang 2007 and the codes following it): 0.3 %
/// above the Sommerfeld value; pass it to reproduce those codes.
inline constexpr LorenzNumber yang2007_lorenz_number = from_si<LorenzNumber>(2.45e-8);

/// In-plane thermal conductivity of the film's electrons: kappa_n = L0 T/rho_n in the
/// normal state (Wiedemann-Franz), kappa_s = kappa_n T/T_c in the superconducting state
/// (Yang 2007). Which state a cell is in (T >= T_c, or also |I| >= I_c(T)) is the caller's
/// choice; conductivity() picks by temperature alone.
class FilmThermalConductivity {
 public:
  /// Throws std::invalid_argument unless rho_n, T_c and L0 are positive and finite.
  FilmThermalConductivity(Resistivity normal_resistivity, Temperature critical_temperature,
                          LorenzNumber lorenz_number = sommerfeld_lorenz_number);

  ThermalConductivity normal_state(Temperature temperature) const;
  ThermalConductivity superconducting_state(Temperature temperature) const;
  /// kappa_n for T >= T_c, kappa_s below (continuous at T_c).
  ThermalConductivity conductivity(Temperature temperature) const;

  double normal_state_W_per_m_K(double temperature_K) const;
  double superconducting_state_W_per_m_K(double temperature_K) const;
  double conductivity_W_per_m_K(double temperature_K) const;
  /// d kappa/dT of conductivity(): L0/rho_n above T_c, 2 L0 T/(rho_n T_c) below.
  double conductivity_slope_W_per_m_K2(double temperature_K) const;

 private:
  double lorenz_over_resistivity_;  // L0/rho_n [W m^-1 K^-2]
  double critical_K_;
};

}  // namespace filmtherm
