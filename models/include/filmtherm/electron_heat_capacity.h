// Electron heat capacity per unit volume (docs/physics.md section 2) in three models:
// Sommerfeld C_e = gamma T; weak-coupling BCS below T_c,
//
//   C_es/(gamma T_c) = (6 a^3/(pi^2 t)) int_0^inf de f(1-f) [(e^2 + s^2)/t - (1/2) d(s^2)/dt],
//
// a = Delta(0)/(k_B T_c) = pi/e^gamma_Euler, t = T/T_c, s = Delta(T)/Delta(0) (bcs_gap.h),
// f = 1/(exp(a sqrt(e^2 + s^2)/t) + 1), and gamma T above T_c; and the Yang et al. (2007)
// approximation C_es = 2.43 gamma T_c exp(-Delta/(k_B T)), Delta = 2.15 k_B T_c (1 - t^2),
// gamma T above T_c. Each model gives C(T), dC/dT (for Jacobians), the energy
// U(T) = int_0^T C dT' (so U(T2) - U(T1) is the heat needed from T1 to T2), and the inverse:
// the temperature T_e0 reached from a bath temperature T_b when an energy density E/V is
// deposited, int_{T_b}^{T_e0} C dT = E/V (docs/physics.md section 4).
//
// The two superconducting models are discontinuous at T_c (jump 12/(7 zeta(3)) gamma T_c
// = 1.426 gamma T_c for BCS, 1.43 gamma T_c for Yang): T >= T_c is the normal side, and the
// superconducting side is evaluated separately, so C(T_c - 0) is exact.
//
// Speed and accuracy. Everything is scaled to t = T/T_c and tabulated at build time by
// the library's own solvers (models/tools/generate_superconductor_tables.cpp), on 1025
// nodes uniform in y = ln(1/t) over t in [0.04, 1]; the first use copies them (~10 us); an
// evaluation costs ~30-50 ns. Errors measured against direct evaluation on 3000 points:
// - BCS C_es: cubic spline of ln C_es through node values from a direct solve of the gap
//   equation and a spectrally accurate quadrature; relative error <= 2e-11 in C, <= 1e-9 in
//   dC/dT (<= 1e-6 in the last cells before T_c). Below t = 0.04 the closed form with s = 1,
//   C_es/(gamma T_c) = (3 a^3/(2 pi^2 t^2)) (K_3(a/t) + 3 K_1(a/t)), exact to 1e-16.
// - Yang C_es and dC/dT: closed forms.
// - U for BCS and Yang: cubic Hermite interpolation of ln U through the cumulative integral
//   at the nodes, with the exact slopes C; relative error <= 1e-11, and dU/dT equals C to
//   <= 3e-10 relative. Below t = 0.04 closed forms: BCS U = gamma T_c^2 (3 a^2/pi^2)
//   (K_0(a/t) + K_2(a/t)); Yang a series in exponential integrals E_n(2.15/t).
// All temperatures must be >= 0 and finite (std::domain_error otherwise).
#pragma once

#include "filmtherm/units.h"

namespace filmtherm {

/// Common interface of the electron heat-capacity models, so a solver can hold any of them.
/// SI-double functions are for inner loops; the typed ones wrap them.
class ElectronHeatCapacity {
 public:
  virtual ~ElectronHeatCapacity() = default;

  /// C(T) [J m^-3 K^-1].
  virtual double heat_capacity_J_per_m3_K(double temperature_K) const = 0;
  /// dC/dT [J m^-3 K^-2] (below T_c for the superconducting models; the jump at T_c is not
  /// a derivative).
  virtual double heat_capacity_slope_J_per_m3_K2(double temperature_K) const = 0;
  /// U(T) = int_0^T C dT' [J m^-3].
  virtual double energy_J_per_m3(double temperature_K) const = 0;
  /// T_e0 [K] with U(T_e0) - U(T_b) = deposited energy density [J m^-3]. The default solves
  /// it with bracketing and TOMS 748 to ~1e-15 relative. Throws std::domain_error unless
  /// T_b >= 0 and the energy is >= 0, both finite.
  virtual double temperature_after_deposit_K(double bath_temperature_K,
                                             double deposited_energy_J_per_m3) const;

  VolumetricHeatCapacity heat_capacity(Temperature temperature) const;
  HeatCapacitySlope heat_capacity_slope(Temperature temperature) const;
  /// U(T) - U(0).
  EnergyDensity energy(Temperature temperature) const;
  /// U(to) - U(from) = int_from^to C dT.
  EnergyDensity energy_between(Temperature from, Temperature to) const;
  /// The electron temperature right after an energy density is deposited at bath
  /// temperature T_b (instant thermalisation).
  Temperature temperature_after_deposit(Temperature bath_temperature,
                                        EnergyDensity deposited_energy) const;

 protected:
  ElectronHeatCapacity() = default;
  ElectronHeatCapacity(const ElectronHeatCapacity&) = default;
  ElectronHeatCapacity& operator=(const ElectronHeatCapacity&) = default;
};

/// Normal metal: C = gamma T, dC/dT = gamma, U = gamma T^2/2, T_e0 = sqrt(T_b^2 + 2 E/gamma).
class SommerfeldHeatCapacity final : public ElectronHeatCapacity {
 public:
  /// Throws std::invalid_argument unless gamma is positive and finite.
  explicit SommerfeldHeatCapacity(SommerfeldCoefficient sommerfeld_coefficient);

  SommerfeldCoefficient sommerfeld_coefficient() const;

  double heat_capacity_J_per_m3_K(double temperature_K) const override;
  double heat_capacity_slope_J_per_m3_K2(double temperature_K) const override;
  double energy_J_per_m3(double temperature_K) const override;
  double temperature_after_deposit_K(double bath_temperature_K,
                                     double deposited_energy_J_per_m3) const override;

 private:
  double gamma_J_per_m3_K2_;
};

/// What the two superconducting models share: gamma, T_c, gamma T above T_c and a reduced
/// model c(t) = C/(gamma T_c) below.
class SuperconductingHeatCapacity : public ElectronHeatCapacity {
 public:
  SommerfeldCoefficient sommerfeld_coefficient() const;
  Temperature critical_temperature() const;

  double heat_capacity_J_per_m3_K(double temperature_K) const final;
  double heat_capacity_slope_J_per_m3_K2(double temperature_K) const final;
  double energy_J_per_m3(double temperature_K) const final;

 protected:
  enum class Model { bcs, yang2007 };
  /// Throws std::invalid_argument unless gamma and T_c are positive and finite.
  SuperconductingHeatCapacity(Model model, SommerfeldCoefficient sommerfeld_coefficient,
                              Temperature critical_temperature);
  /// gamma such that C(T_ref) equals the given value (C is proportional to gamma).
  static SommerfeldCoefficient sommerfeld_coefficient_from(
      Model model, Temperature reference_temperature,
      VolumetricHeatCapacity heat_capacity_at_reference, Temperature critical_temperature);

 private:
  Model model_;
  double gamma_J_per_m3_K2_;
  double critical_K_;
};

/// Weak-coupling BCS superconductor below T_c, Sommerfeld above (accuracy in the file
/// comment).
class BcsHeatCapacity final : public SuperconductingHeatCapacity {
 public:
  /// Throws std::invalid_argument unless gamma and T_c are positive and finite.
  BcsHeatCapacity(SommerfeldCoefficient sommerfeld_coefficient, Temperature critical_temperature);

  /// The model whose C at a reference temperature is a given (measured or published) value;
  /// T_ref may be below T_c. Throws std::invalid_argument unless all three are positive and
  /// finite and C(T_ref) at gamma = 1 does not underflow.
  static BcsHeatCapacity from_heat_capacity_at(Temperature reference_temperature,
                                               VolumetricHeatCapacity heat_capacity_at_reference,
                                               Temperature critical_temperature);
};

/// Yang et al., IEEE Trans. Appl. Supercond. 17, 581 (2007): C_es = 2.43 gamma T_c
/// exp(-2.15 (1 - t^2)/t) below T_c, gamma T above (jump 1.43 gamma T_c at T_c).
class Yang2007HeatCapacity final : public SuperconductingHeatCapacity {
 public:
  /// C_es(T_c - 0)/(gamma T_c).
  static constexpr double jump_ratio = 2.43;
  /// Delta(0)/(k_B T_c) in Delta = 2.15 k_B T_c (1 - t^2).
  static constexpr double gap_ratio = 2.15;

  /// Throws std::invalid_argument unless gamma and T_c are positive and finite.
  Yang2007HeatCapacity(SommerfeldCoefficient sommerfeld_coefficient,
                       Temperature critical_temperature);

  /// As BcsHeatCapacity::from_heat_capacity_at. docs/physics.md section 6: 2400 J m^-3 K^-1 at
  /// 10 K with T_c = 10.5 K gives gamma = 116 J m^-3 K^-2.
  static Yang2007HeatCapacity from_heat_capacity_at(
      Temperature reference_temperature, VolumetricHeatCapacity heat_capacity_at_reference,
      Temperature critical_temperature);
};

}  // namespace filmtherm
