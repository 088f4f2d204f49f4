#include "filmtherm/heat_flow.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <utility>

#include "filmtherm/constants.h"

namespace filmtherm {
namespace {

Temperature kelvin(double value) {
  return from_si<Temperature>(value);
}
Length nanometres(double value) {
  return from_si<Length>(value * 1e-9);
}
Time picoseconds(double value) {
  return from_si<Time>(value * 1e-12);
}
VolumetricHeatCapacity heat_capacity(double value) {
  return from_si<VolumetricHeatCapacity>(value);
}

// 5-point central difference; for the smooth power laws here with h = 1e-4 T the
// truncation is ~1e-16 relative and the rounding ~1e-12, so slopes are checked to 1e-9.
template <class F>
double five_point_slope(const F& f, double x, double h) {
  return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);
}

// ---- Electron-phonon ---------------------------------------------------------------------------

TEST(ElectronPhononCoupling, PowerLawAndSlopes) {
  // P = Sigma (T_e^m - T_ph^m) written out here; two pow calls: 1e-14 relative.
  const double sigma = 2.3e9;  // W m^-3 K^-5.45 (order of NbTiN)
  const double m = 5.45;
  const ElectronPhononCoupling coupling = ElectronPhononCoupling::from_coupling_constant(sigma, m);
  EXPECT_EQ(coupling.coupling_constant_W_per_m3_K_m(), sigma);
  EXPECT_EQ(coupling.temperature_exponent(), m);
  for (const auto& [electron_K, phonon_K] :
       {std::pair{12.0, 3.0}, std::pair{5.0, 4.9}, std::pair{2.0, 8.0}, std::pair{0.0, 1.0}}) {
    const double expected = sigma * (std::pow(electron_K, m) - std::pow(phonon_K, m));
    EXPECT_NEAR(coupling.power(kelvin(electron_K), kelvin(phonon_K)).value(), expected,
                1e-14 * sigma * std::pow(std::max(electron_K, phonon_K), m));
    if (electron_K > 0) {
      const double slope_electron =
          five_point_slope([&](double x) { return coupling.power_W_per_m3(x, phonon_K); },
                           electron_K, 1e-4 * electron_K);
      EXPECT_NEAR(coupling.power_slope_electron(kelvin(electron_K)).value(), slope_electron,
                  1e-9 * std::abs(slope_electron));
    }
    const double slope_phonon =
        five_point_slope([&](double x) { return coupling.power_W_per_m3(electron_K, x); }, phonon_K,
                         1e-4 * phonon_K);
    EXPECT_NEAR(coupling.power_slope_phonon(kelvin(phonon_K)).value(), slope_phonon,
                1e-9 * std::abs(slope_phonon));
  }
  EXPECT_EQ(coupling.power_W_per_m3(7.0, 7.0), 0.0);  // no net flow in equilibrium
}

TEST(ElectronPhononCoupling, TauParametrisationReproducesTau) {
  // Allmaras 2020 NbN: tau_eph(10 K) = 16 ps with 1/tau ~ T^3, gamma = 117 J m^-3 K^-2, so
  // C_e(T0) = 1170 J m^-3 K^-1. Then m = 5, Sigma = C_e/(5 T0^4 tau), and linearising P_ep
  // in T_e at T0 gives back C_e(T0)/tau (analytic slope to rounding, a 5-point difference
  // to 1e-9).
  const double gamma = 117.0;
  const double tau_s = 16e-12;
  const ElectronPhononCoupling coupling(picoseconds(16.0), kelvin(10.0), 3.0,
                                        heat_capacity(gamma * 10.0));
  EXPECT_EQ(coupling.temperature_exponent(), 5.0);
  const double sigma = gamma * 10.0 / (5.0 * 1e4 * tau_s);
  EXPECT_NEAR(coupling.coupling_constant_W_per_m3_K_m(), sigma, 1e-14 * sigma);
  const double rate = gamma * 10.0 / tau_s;
  EXPECT_NEAR(coupling.power_slope_electron(kelvin(10.0)).value(), rate, 1e-14 * rate);
  const double linearised =
      five_point_slope([&](double x) { return coupling.power_W_per_m3(x, 10.0); }, 10.0, 1e-3);
  EXPECT_NEAR(linearised, rate, 1e-9 * rate);
  EXPECT_NEAR(coupling.electron_phonon_time(kelvin(10.0), heat_capacity(gamma * 10.0)).value(),
              tau_s, 1e-14 * tau_s);
  // With C_e = gamma T the relaxation time follows tau(T) = tau(T0) (T0/T)^p at any T.
  for (const double T : {2.0, 5.0, 20.0}) {
    const double expected = tau_s * std::pow(10.0 / T, 3.0);
    EXPECT_NEAR(coupling.electron_phonon_time(kelvin(T), heat_capacity(gamma * T)).value(),
                expected, 1e-13 * expected);
  }
}

TEST(ElectronPhononCoupling, NonIntegerExponentFromTau) {
  // NbTiN p = 3.45 (docs/physics.md section 3): m = 5.45, and the linearisation identity holds.
  const ElectronPhononCoupling coupling(picoseconds(12.0), kelvin(10.0), 3.45,
                                        heat_capacity(2400.0));
  EXPECT_NEAR(coupling.temperature_exponent(), 5.45, 1e-15);
  const double rate = 2400.0 / 12e-12;
  EXPECT_NEAR(coupling.power_slope_electron_W_per_m3_K(10.0), rate, 1e-14 * rate);
  const double linearised =
      five_point_slope([&](double x) { return coupling.power_W_per_m3(x, 10.0); }, 10.0, 1e-3);
  EXPECT_NEAR(linearised, rate, 1e-9 * rate);
}

TEST(ElectronPhononCoupling, RejectsInvalidParameters) {
  EXPECT_THROW(ElectronPhononCoupling::from_coupling_constant(-1.0, 5.0), std::invalid_argument);
  EXPECT_THROW(ElectronPhononCoupling::from_coupling_constant(1.0, 0.5), std::invalid_argument);
  EXPECT_THROW(ElectronPhononCoupling(picoseconds(0.0), kelvin(10.0), 3.0, heat_capacity(1.0)),
               std::invalid_argument);
  EXPECT_THROW(ElectronPhononCoupling(picoseconds(10.0), kelvin(10.0), -1.5, heat_capacity(1.0)),
               std::invalid_argument);
  const ElectronPhononCoupling coupling = ElectronPhononCoupling::from_coupling_constant(1e9, 5.0);
  EXPECT_THROW(coupling.power_W_per_m3(-1.0, 2.0), std::domain_error);
  EXPECT_THROW(coupling.power_W_per_m3(2.0, std::numeric_limits<double>::quiet_NaN()),
               std::domain_error);
  EXPECT_THROW(coupling.electron_phonon_time(kelvin(0.0), heat_capacity(1.0)), std::domain_error);
}

// ---- Phonon escape
// -------------------------------------------------------------------------------

TEST(FixedTimePhononEscape, PowerAndSlope) {
  // P = C_ph (T - T_b)/tau with a Debye C_ph = beta T^3 passed in; the slope, fed C_ph and
  // dC_ph/dT, against a 5-point difference of T -> P(T, T_b, C_ph(T)) to 1e-9.
  const double beta = 9.8;  // J m^-3 K^-4: 9800 J m^-3 K^-1 at 10 K (docs/physics.md section 6)
  const double tau_s = 40e-12;
  const FixedTimePhononEscape escape(picoseconds(40.0));
  EXPECT_NEAR(escape.escape_time().value(), tau_s, 1e-26);
  const auto phonon_heat_capacity = [&](double T) { return beta * T * T * T; };
  for (const double T : {2.5, 5.0, 12.0}) {
    const double expected = phonon_heat_capacity(T) * (T - 2.0) / tau_s;
    EXPECT_NEAR(
        escape.power(kelvin(T), kelvin(2.0), heat_capacity(phonon_heat_capacity(T))).value(),
        expected, 1e-14 * std::abs(expected));
    const double numeric = five_point_slope(
        [&](double x) { return escape.power_W_per_m3(x, 2.0, phonon_heat_capacity(x)); }, T,
        1e-4 * T);
    const double analytic =
        escape.power_slope_W_per_m3_K(T, 2.0, phonon_heat_capacity(T), 3 * beta * T * T);
    EXPECT_NEAR(analytic, numeric, 1e-9 * std::abs(numeric));
  }
  EXPECT_THROW(FixedTimePhononEscape(picoseconds(-1.0)), std::invalid_argument);
}

TEST(BoundaryLawPhononEscape, FromConductanceAtReference) {
  // docs/physics.md section 6: alpha(10 K) = 8e5 W m^-2 K^-1 with a T^3 law (q = 4), d = 4 nm:
  // sigma_b = alpha/(4 T^3) = 200 W m^-2 K^-4. Power and slope as written out here (1e-14),
  // the slope also against a 5-point difference (1e-9).
  const BoundaryLawPhononEscape escape(from_si<BoundaryConductance>(8e5), kelvin(10.0), 4.0,
                                       nanometres(4.0));
  EXPECT_NEAR(escape.boundary_coefficient_W_per_m2_K_q(), 200.0, 1e-12);
  EXPECT_EQ(escape.boundary_exponent(), 4.0);
  EXPECT_NEAR(escape.boundary_conductance(kelvin(10.0)).value(), 8e5, 1e-9);
  EXPECT_NEAR(escape.film_thickness().value(), 4e-9, 1e-24);
  for (const double T : {2.0, 6.0, 10.0, 15.0}) {
    const double expected = 200.0 / 4e-9 * (std::pow(T, 4) - std::pow(2.0, 4));
    EXPECT_NEAR(escape.power(kelvin(T), kelvin(2.0)).value(), expected,
                1e-14 * 200.0 / 4e-9 * std::pow(T, 4));
    const double numeric =
        five_point_slope([&](double x) { return escape.power_W_per_m3(x, 2.0); }, T, 1e-4 * T);
    EXPECT_NEAR(escape.power_slope(kelvin(T)).value(), numeric, 1e-9 * numeric);
    EXPECT_NEAR(escape.power_slope_W_per_m3_K(T), 4 * 200.0 / 4e-9 * T * T * T,
                1e-14 * 4 * 200.0 / 4e-9 * T * T * T);
  }
}

TEST(BoundaryLawPhononEscape, AcousticMismatchIsQEqualsFour) {
  // The q = 4 factory with sigma_b in W m^-2 K^-4 equals the general form with
  // alpha(T_ref) = 4 sigma_b T_ref^3 (to rounding).
  const BoundaryLawPhononEscape mismatch = BoundaryLawPhononEscape::acoustic_mismatch(
      from_si<AcousticMismatchCoefficient>(200.0), nanometres(6.0));
  const BoundaryLawPhononEscape general(from_si<BoundaryConductance>(4 * 200.0 * 27.0), kelvin(3.0),
                                        4.0, nanometres(6.0));
  for (const double T : {1.0, 4.0, 9.0}) {
    EXPECT_NEAR(mismatch.power_W_per_m3(T, 1.5), general.power_W_per_m3(T, 1.5),
                1e-14 * mismatch.power_W_per_m3(T, 0.0));
  }
  EXPECT_EQ(mismatch.boundary_exponent(), 4.0);
}

TEST(BoundaryLawPhononEscape, NonIntegerExponent) {
  // q = 3 (reported for NbTiN): P = (sigma_b/d)(T^3 - T_b^3), slope 3 sigma_b T^2/d.
  const BoundaryLawPhononEscape escape(from_si<BoundaryConductance>(1e5), kelvin(10.0), 3.0,
                                       nanometres(6.0));
  const double sigma_b = 1e5 / (3.0 * 100.0);
  EXPECT_NEAR(escape.boundary_coefficient_W_per_m2_K_q(), sigma_b, 1e-13 * sigma_b);
  const double expected = sigma_b / 6e-9 * (125.0 - 8.0);
  EXPECT_NEAR(escape.power_W_per_m3(5.0, 2.0), expected, 1e-14 * expected);
}

TEST(BoundaryLawPhononEscape, EffectiveEscapeTime) {
  // tau = d C_ph/(q sigma_b T^(q-1)). Section 6 numbers: c_ph(10 K) = 9800, alpha(10 K) =
  // 8e5, d = 4 nm: tau = d c_ph/alpha = 49 ps (1e-14 relative: products).
  const BoundaryLawPhononEscape escape(from_si<BoundaryConductance>(8e5), kelvin(10.0), 4.0,
                                       nanometres(4.0));
  EXPECT_NEAR(escape.effective_escape_time(kelvin(10.0), heat_capacity(9800.0)).value(), 49e-12,
              49e-12 * 1e-14);
  // Debye phonons, C_ph = beta T^3 with q = 4: tau is the same at every T and doubles with d.
  const double beta = 9.8;
  const BoundaryLawPhononEscape thicker(from_si<BoundaryConductance>(8e5), kelvin(10.0), 4.0,
                                        nanometres(8.0));
  const double tau_10K = escape.effective_escape_time(kelvin(10.0), heat_capacity(9800.0)).value();
  for (const double T : {1.0, 3.0, 7.0}) {
    EXPECT_NEAR(escape.effective_escape_time(kelvin(T), heat_capacity(beta * T * T * T)).value(),
                tau_10K, 1e-14 * tau_10K);
    EXPECT_NEAR(thicker.effective_escape_time(kelvin(T), heat_capacity(beta * T * T * T)).value(),
                2 * tau_10K, 2e-14 * tau_10K);
  }
  // Confined phonons, C_ph = k d T^4 (docs/physics.md Eq. 20 scaling): tau ~ d^2 T.
  const double k = 1e9;  // J m^-4 K^-5, any value
  const auto confined = [&](const BoundaryLawPhononEscape& film, double T) {
    return film
        .effective_escape_time(kelvin(T),
                               heat_capacity(k * film.film_thickness().value() * std::pow(T, 4)))
        .value();
  };
  EXPECT_NEAR(confined(escape, 6.0) / confined(escape, 3.0), 2.0, 1e-14);
  EXPECT_NEAR(confined(thicker, 3.0) / confined(escape, 3.0), 4.0, 1e-14);
  // A fixed-time escape with this tau has the same linearisation at T_b.
  const FixedTimePhononEscape fixed(from_si<Time>(tau_10K));
  EXPECT_NEAR(fixed.power_slope_W_per_m3_K(10.0, 10.0, 9800.0, 3 * beta * 100.0),
              escape.power_slope_W_per_m3_K(10.0), 1e-14 * escape.power_slope_W_per_m3_K(10.0));
  EXPECT_THROW(escape.effective_escape_time(kelvin(0.0), heat_capacity(0.0)), std::domain_error);
}

TEST(BoundaryLawPhononEscape, RejectsInvalidParameters) {
  EXPECT_THROW(BoundaryLawPhononEscape(from_si<BoundaryConductance>(8e5), kelvin(10.0), 0.5,
                                       nanometres(4.0)),
               std::invalid_argument);
  EXPECT_THROW(BoundaryLawPhononEscape(from_si<BoundaryConductance>(8e5), kelvin(10.0), 4.0,
                                       nanometres(0.0)),
               std::invalid_argument);
  EXPECT_THROW(BoundaryLawPhononEscape::acoustic_mismatch(
                   from_si<AcousticMismatchCoefficient>(-1.0), nanometres(4.0)),
               std::invalid_argument);
}

// ---- Thermal conductivity
// ------------------------------------------------------------------------

TEST(FilmThermalConductivity, WiedemannFranzAndYang) {
  // L0 = pi^2 k_B^2/(3 e^2) computed here from the exact constants; NbN rho_n = 2.4e-6 Ohm m,
  // T_c = 10.5 K (docs/physics.md section 6). kappa_n = L0 T/rho_n, kappa_s = kappa_n T/T_c:
  // products, 1e-14 relative; the slope against a 5-point difference to 1e-9.
  const double k_B = 1.380649e-23;
  const double e = 1.602176634e-19;
  const double lorenz = std::numbers::pi * std::numbers::pi * k_B * k_B / (3 * e * e);
  EXPECT_NEAR(sommerfeld_lorenz_number.value(), lorenz, 1e-14 * lorenz);
  EXPECT_NEAR(lorenz, 2.443e-8, 1e-11);
  const FilmThermalConductivity film(from_si<Resistivity>(2.4e-6), kelvin(10.5));
  for (const double T : {2.0, 8.0, 10.5, 15.0}) {
    const double normal = lorenz * T / 2.4e-6;
    EXPECT_NEAR(film.normal_state(kelvin(T)).value(), normal, 1e-14 * normal);
    EXPECT_NEAR(film.superconducting_state(kelvin(T)).value(), normal * T / 10.5, 1e-14 * normal);
    const double expected = T >= 10.5 ? normal : normal * T / 10.5;
    EXPECT_NEAR(film.conductivity(kelvin(T)).value(), expected, 1e-14 * expected);
    if (T != 10.5) {  // the slope jumps at T_c
      const double numeric =
          five_point_slope([&](double x) { return film.conductivity_W_per_m_K(x); }, T, 1e-4 * T);
      EXPECT_NEAR(film.conductivity_slope_W_per_m_K2(T), numeric, 1e-9 * numeric);
    }
  }
  // Continuous at T_c: kappa_s(T_c) = kappa_n(T_c).
  EXPECT_NEAR(film.superconducting_state_W_per_m_K(10.5), film.normal_state_W_per_m_K(10.5), 1e-16);
  // The 2.45e-8 convention of Yang 2007 is 0.3 % above Sommerfeld's value.
  const FilmThermalConductivity yang(from_si<Resistivity>(2.4e-6), kelvin(10.5),
                                     yang2007_lorenz_number);
  EXPECT_NEAR(yang.normal_state_W_per_m_K(10.0), 2.45e-8 * 10.0 / 2.4e-6, 1e-16);
  EXPECT_THROW(FilmThermalConductivity(from_si<Resistivity>(0.0), kelvin(10.5)),
               std::invalid_argument);
  EXPECT_THROW(film.conductivity_W_per_m_K(-1.0), std::domain_error);
}

}  // namespace
}  // namespace filmtherm
