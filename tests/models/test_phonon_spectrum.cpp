// Tests of phonon_spectrum.h against references computed here: the paper's k-space
// geometry (allowed shell fraction min(1, k d/(2 pi)), Eqs. 10-12) integrated with
// Boost.Math quadrature and solved with TOMS 748, closed forms of Eqs. 3 and 13, and the
// exact CODATA constants written out in long double.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "filmtherm/phonon_spectrum.h"

namespace filmtherm {
namespace {

using long_double = long double;
constexpr long_double pi_l = std::numbers::pi_v<long double>;
constexpr long_double k_B_l = 1.380649e-23L;                  // J/K, exact (SI 2019)
constexpr long_double hbar_l = 6.62607015e-34L / (2 * pi_l);  // J s, exact h / 2 pi

Velocity velocity(double v) {
  return from_si<Velocity>(v);
}
Length length(double d) {
  return from_si<Length>(d);
}

// Adaptive Gauss-Kronrod in long double over [a, b] split at the given interior points.
template <class F>
long_double integrate(F f, std::vector<long_double> points) {
  long_double total = 0;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    if (points[i + 1] <= points[i]) continue;
    total += boost::math::quadrature::gauss_kronrod<long_double, 31>::integrate(
        f, points[i], points[i + 1], 20, 1e-17L);
  }
  return total;
}

// Allowed k-space volume below radius k of one branch in a film of thickness d, from the
// geometry: a direction with |cos theta| = mu is forbidden while k < 2 pi mu/d (Eq. 10),
// so the allowed fraction of the shell is the measure of mu in [0, 1] with mu <= k d/(2 pi).
long_double allowed_kspace_volume(long_double k, long_double d) {
  const auto shell = [d](long_double q) {
    const long_double allowed_fraction = std::min(1.0L, q * d / (2 * pi_l));
    return 4 * pi_l * q * q * allowed_fraction;
  };
  return integrate(shell, {0, std::min(k, 2 * pi_l / d), k});
}

// k' with allowed_kspace_volume(k', d) = 4 pi k_D^3/3, by TOMS 748 root bracketing.
long_double mode_conserving_reference(long_double k_D, long_double d) {
  const long_double target = 4 * pi_l * k_D * k_D * k_D / 3;
  const auto mismatch = [&](long_double k) { return allowed_kspace_volume(k, d) - target; };
  std::uintmax_t iterations = 200;
  const auto bracket = boost::math::tools::toms748_solve(
      mismatch, k_D, 10 * k_D + 10 * pi_l / d, boost::math::tools::eps_tolerance<long_double>(60),
      iterations);
  return (bracket.first + bracket.second) / 2;
}

long_double integrate_vdos(const PhononSpectrum& spectrum, std::size_t branch) {
  const auto g = [&](long_double w) {
    return static_cast<long_double>(
        spectrum.density_of_states(branch, from_si<AngularFrequency>(static_cast<double>(w)))
            .value());
  };
  const long_double w_x = spectrum.crossover_frequency(branch).value();
  const long_double w_D = spectrum.cutoff_frequency(branch).value();
  return integrate(g, {0, std::min(w_x, w_D), w_D});
}

TEST(AcousticBranches, IsotropicAndOrder) {
  const auto branches = AcousticBranches::isotropic(velocity(4000.0));
  EXPECT_EQ(branches.longitudinal.value(), 4000.0);
  EXPECT_EQ(branches.transverse.value(), 4000.0);
  const auto v = branch_velocities(AcousticBranches{velocity(6000.0), velocity(3500.0)});
  EXPECT_EQ(v[0].value(), 6000.0);
  EXPECT_EQ(v[1].value(), 3500.0);
  EXPECT_EQ(v[2].value(), 3500.0);
}

TEST(AcousticBranches, DebyeAndFilmAverages) {
  const AcousticBranches branches{velocity(5970.0), velocity(3760.0)};  // a-SiO2, docs/physics.md 6
  const long_double v_L = 5970, v_T = 3760;
  const double v_D = debye_average_velocity(branches).value();
  const double v_f = film_average_velocity(branches).value();
  // Defining relations, rounding only (1e-14 relative, a few ulps through pow/cbrt).
  EXPECT_NEAR(3 / std::pow(v_D, 3), 1 / std::pow(v_L, 3) + 2 / std::pow(v_T, 3),
              1e-14 * 3 / std::pow(v_D, 3));
  EXPECT_NEAR(3 / std::pow(v_f, 4), 1 / std::pow(v_L, 4) + 2 / std::pow(v_T, 4),
              1e-14 * 3 / std::pow(v_f, 4));
  // Power means: M_-4 < M_-3 < arithmetic-free bound v_L, and both above v_T.
  EXPECT_LT(v_f, v_D);
  EXPECT_GT(v_f, 3760.0);
  // One velocity: both averages are that velocity (1e-15 relative: one cbrt/pow).
  EXPECT_NEAR(debye_average_velocity(AcousticBranches::isotropic(velocity(4000))).value(), 4000,
              4000 * 1e-15);
  EXPECT_NEAR(film_average_velocity(AcousticBranches::isotropic(velocity(4000))).value(), 4000,
              4000 * 1e-15);
}

TEST(CrossoverFrequency, SeedPaperFilmIs32K) {
  const long_double w_x_ref = 2 * pi_l * 4000 / 6e-9L;  // Eqs. 13-14
  EXPECT_NEAR(crossover_frequency(velocity(4000), length(6e-9)).value(),
              static_cast<double>(w_x_ref), 1e-15 * w_x_ref);  // one multiply and divide
  const double T_x = crossover_temperature(velocity(4000), length(6e-9)).value();
  EXPECT_NEAR(T_x, static_cast<double>(hbar_l * w_x_ref / k_B_l), 1e-14 * T_x);
  EXPECT_NEAR(T_x, 32.0, 0.05);  // docs/physics.md quotes 32 K (31.995 K with exact constants)
}

TEST(DebyeWavenumber, FromAtomDensity) {
  const long_double n = 5.2e28L;
  EXPECT_NEAR(debye_wavenumber(from_si<NumberDensity>(5.2e28)).value(),
              static_cast<double>(std::cbrt(6 * pi_l * pi_l * n)), 1e-15 * 1.45e10);
}

TEST(ModeConservingWavenumber, MatchesKSpaceGeometryInBothRegimes) {
  // The holes remove (8/3) pi^4/d^3 once the shell passes 2 pi/d (quadrature, 1e-15 rel).
  const long_double d = 3e-9L;
  const long_double k_big = 3 * pi_l / d;
  EXPECT_NEAR(
      static_cast<double>(4 * pi_l * k_big * k_big * k_big / 3 - allowed_kspace_volume(k_big, d)),
      static_cast<double>(8 * std::pow(pi_l, 4) / (3 * d * d * d)),
      1e-14 * static_cast<double>(8 * std::pow(pi_l, 4) / (3 * d * d * d)));
  // k_D d/pi from deep in the confined regime, through the seam at 6^(1/3) = 1.817, to bulk.
  double worst = 0;
  for (const long_double k_D_times_d_over_pi :
       {0.05L, 0.5L, 1.5L, 1.81L, 1.82L, 2.0L, 5.0L, 50.0L}) {
    const long_double k_D = k_D_times_d_over_pi * pi_l / d;
    const long_double reference = mode_conserving_reference(k_D, d);
    const double k_prime = mode_conserving_wavenumber(from_si<Wavenumber>(static_cast<double>(k_D)),
                                                      length(static_cast<double>(d)))
                               .value();
    // Root solved to ~1e-18 in long double; the closed form uses double cbrt/pow: 1e-14.
    EXPECT_NEAR(k_prime, static_cast<double>(reference), 1e-14 * static_cast<double>(reference))
        << "k_D d/pi = " << static_cast<double>(k_D_times_d_over_pi);
    EXPECT_GE(k_prime, static_cast<double>(k_D));
    worst = std::max(worst, static_cast<double>(std::fabs(k_prime / reference - 1)));
  }
  std::printf("worst relative error of k' against the k-space geometry: %.2e\n", worst);
}

TEST(PhononSpectrum, BulkVdosIsEq3) {
  const auto spectrum =
      PhononSpectrum::bulk(AcousticBranches{velocity(6000), velocity(3500)},
                           PhononCutoff::from_debye_temperature(500.0 * boost::units::si::kelvin));
  EXPECT_FALSE(spectrum.is_film());
  EXPECT_TRUE(std::isinf(spectrum.film_thickness().value()));
  const long_double w = 1e13L;
  const long_double expected =
      w * w / (2 * pi_l * pi_l) * (1 / std::pow(6000.0L, 3) + 2 / std::pow(3500.0L, 3));
  const double total = spectrum.density_of_states(from_si<AngularFrequency>(1e13)).value();
  EXPECT_NEAR(total, static_cast<double>(expected), 1e-15 * total);  // a few roundings
  const long_double w_D = k_B_l * 500 / hbar_l;
  EXPECT_NEAR(spectrum.cutoff_frequency(0).value(), static_cast<double>(w_D), 1e-14 * w_D);
  EXPECT_EQ(
      spectrum.density_of_states(1, from_si<AngularFrequency>(1.0001 * static_cast<double>(w_D)))
          .value(),
      0.0);
  EXPECT_EQ(spectrum.density_of_states(1, from_si<AngularFrequency>(-1.0)).value(), 0.0);
}

TEST(PhononSpectrum, FilmVdosIsEq13BelowAndEq3AboveAndContinuous) {
  const long_double d = 6e-9L, v = 4000;
  const PhononParameters parameters{
      AcousticBranches::isotropic(velocity(4000)), length(6e-9),
      PhononCutoff::from_debye_temperature(500.0 * boost::units::si::kelvin), false};
  const auto spectrum = PhononSpectrum::film(parameters);
  const long_double w_x = 2 * pi_l * v / d;
  EXPECT_NEAR(spectrum.crossover_frequency(2).value(), static_cast<double>(w_x), 1e-15 * w_x);
  const auto g = [&](long_double w) {
    return static_cast<long_double>(
        spectrum.density_of_states(1, from_si<AngularFrequency>(static_cast<double>(w))).value());
  };
  const long_double w_low = 0.3L * w_x;
  const long_double eq13 = d * w_low * w_low * w_low / (4 * pi_l * pi_l * pi_l * v * v * v * v);
  EXPECT_NEAR(g(w_low), eq13, 1e-15L * eq13);  // a few roundings
  const long_double w_high = 2.5L * w_x;
  const long_double eq3 = w_high * w_high / (2 * pi_l * pi_l * v * v * v);
  EXPECT_NEAR(g(w_high), eq3, 1e-15L * eq3);
  // Continuity at w_x: just below, g ~ w^3; just above, g ~ w^2. Without a jump the two
  // sides differ only by (1 - e)^3/(1 + e)^2 (any jump would be an O(1) mismatch);
  // 1e-14 allows the rounding of a handful of long double -> double operations.
  const long_double e = 1e-6L;
  const long_double left = g(w_x * (1 - e)), right = g(w_x * (1 + e));
  EXPECT_NEAR(static_cast<double>(left / right),
              static_cast<double>((1 - e) * (1 - e) * (1 - e) / ((1 + e) * (1 + e))), 1e-14);
  EXPECT_NEAR(static_cast<double>(g(w_x) / eq3 * (w_high * w_high) / (w_x * w_x)), 1.0, 1e-14);
}

TEST(PhononSpectrum, ModeCountsByIntegratingTheVdos) {
  const AcousticBranches branches{velocity(6000), velocity(3500)};
  const double n = 5.2e28;
  const long_double k_D = std::cbrt(6 * pi_l * pi_l * static_cast<long_double>(n));
  const auto bulk = PhononSpectrum::bulk(
      branches, PhononCutoff::from_atom_number_density(from_si<NumberDensity>(n)));
  for (std::size_t b = 0; b < acoustic_branch_count; ++b) {
    // n modes per branch (one per atom); quadrature to 1e-15, closed form to 1e-14.
    EXPECT_NEAR(static_cast<double>(integrate_vdos(bulk, b)), n, 1e-13 * n);
    EXPECT_NEAR(bulk.mode_count(b).value(),
                static_cast<double>(k_D * k_D * k_D / (6 * pi_l * pi_l)), 1e-14 * n);
  }
  for (const double d : {0.3e-9, 0.6e-9, 2e-9, 6e-9, 100e-9}) {
    for (const auto& cutoff :
         {PhononCutoff::from_atom_number_density(from_si<NumberDensity>(n)),
          PhononCutoff::from_debye_temperature(450.0 * boost::units::si::kelvin)}) {
      const auto plain = PhononSpectrum::film({branches, length(d), cutoff, false});
      const auto conserving = PhononSpectrum::film({branches, length(d), cutoff, true});
      const auto reference_bulk = PhononSpectrum::bulk(branches, cutoff);
      for (std::size_t b = 0; b < acoustic_branch_count; ++b) {
        const long_double bulk_count = integrate_vdos(reference_bulk, b);
        const long_double plain_count = integrate_vdos(plain, b);
        const long_double conserved_count = integrate_vdos(conserving, b);
        // Closed form against quadrature of the VDOS (1e-13: quadrature and rounding).
        EXPECT_NEAR(plain.mode_count(b).value(), static_cast<double>(plain_count),
                    1e-13 * plain_count);
        EXPECT_NEAR(conserving.mode_count(b).value(), static_cast<double>(conserved_count),
                    1e-13 * conserved_count);
        // Mode conservation restores the bulk count exactly (1e-13: same reasons).
        EXPECT_NEAR(static_cast<double>(conserved_count / bulk_count), 1.0, 1e-13) << "d = " << d;
        EXPECT_LT(plain_count, bulk_count);
        // Without conservation the holes cost (8/3) pi^4/d^3/(2 pi)^3 = pi/(3 d^3) per branch
        // once the cutoff sphere reaches past 2 pi/d.
        const long_double k_c = plain.cutoff_wavenumber(b).value();
        if (k_c > 2 * pi_l / d) {
          EXPECT_NEAR(static_cast<double>(bulk_count - plain_count),
                      static_cast<double>(pi_l / (3 * std::pow(static_cast<long_double>(d), 3))),
                      1e-12 * bulk_count);
        }
      }
    }
  }
}

TEST(PhononSpectrum, NoCutoffMeansInfiniteModes) {
  const auto spectrum = PhononSpectrum::film(
      {AcousticBranches::isotropic(velocity(4000)), length(6e-9), PhononCutoff::none(), true});
  EXPECT_TRUE(std::isinf(spectrum.cutoff_frequency(0).value()));
  EXPECT_TRUE(std::isinf(spectrum.mode_count().value()));
  EXPECT_GT(spectrum.density_of_states(from_si<AngularFrequency>(1e15)).value(), 0.0);
}

TEST(PhononSpectrum, ValidationErrors) {
  const auto good = AcousticBranches::isotropic(velocity(4000));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const double bad : {0.0, -4000.0, nan, inf}) {
    EXPECT_THROW(PhononSpectrum::bulk(AcousticBranches{velocity(bad), velocity(3000)}, {}),
                 std::invalid_argument);
    EXPECT_THROW(PhononSpectrum::bulk(AcousticBranches{velocity(4000), velocity(bad)}, {}),
                 std::invalid_argument);
    EXPECT_THROW(PhononSpectrum::film({good, length(bad), {}, false}), std::invalid_argument);
    EXPECT_THROW(PhononCutoff::from_debye_temperature(from_si<Temperature>(bad)),
                 std::invalid_argument);
    EXPECT_THROW(PhononCutoff::from_atom_number_density(from_si<NumberDensity>(bad)),
                 std::invalid_argument);
    EXPECT_THROW(crossover_frequency(velocity(bad), length(6e-9)), std::invalid_argument);
    EXPECT_THROW(mode_conserving_wavenumber(from_si<Wavenumber>(1e10), length(bad)),
                 std::invalid_argument);
  }
  try {
    PhononSpectrum::film({good, length(-6e-9), {}, false});
    FAIL() << "negative thickness accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("film thickness"), std::string::npos) << error.what();
  }
  const auto spectrum = PhononSpectrum::bulk(good, {});
  EXPECT_THROW(spectrum.density_of_states(3, from_si<AngularFrequency>(1.0)), std::out_of_range);
  EXPECT_THROW(PhononCutoff::none().debye_temperature(), std::logic_error);
  EXPECT_THROW(
      PhononCutoff::from_debye_temperature(from_si<Temperature>(300)).atom_number_density(),
      std::logic_error);
}

}  // namespace
}  // namespace filmtherm
