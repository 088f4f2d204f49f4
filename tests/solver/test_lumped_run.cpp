// Whole runs of the lumped model: the energy book, Gaussian pulses that CVODE
// must not step over, unit spellings, phonon-model swaps and solver failures.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "filmtherm/hotspot_cooling.h"
#include "lumped_test_devices.h"

namespace filmtherm {
namespace {

using ::testing::HasSubstr;
using testing::lumped_device;
using testing::LumpedParameters;
using testing::registry;

Device production_tolerances(Device device) {
  device.solver.relative_tolerance.value = 1e-8;
  device.solver.absolute_tolerance.value = from_si<Temperature>(1e-10);
  return device;
}

void expect_energy_book_closes(const CoolingResult& result, const char* what) {
  // Required: 1e-6. The book is an invariant of the exact equations; the
  // integration keeps it to about the relative tolerance, 1e-8.
  EXPECT_LT(result.energy.worst_relative_error, 1e-6) << what;
  EXPECT_NEAR(result.energy.absorbed_J, result.absorbed_energy_J, 1e-12 * result.absorbed_energy_J)
      << what;
  // By the end most of the energy has gone to the substrate.
  EXPECT_GT(result.energy.escaped_J, 0.9 * result.energy.absorbed_J) << what;
  std::printf("%s: energy book relative error %.3g (worst over trace %.3g), %ld steps\n", what,
              result.energy.relative_error, result.energy.worst_relative_error,
              result.statistics.steps);
}

TEST(LumpedRun, EnergyBookClosesForAnEnergyStep) {
  HotspotCooling run(production_tolerances(lumped_device(LumpedParameters{})), registry());
  expect_energy_book_closes(run.run(), "step");
}

TEST(LumpedRun, EnergyBookClosesWithConfinedPhonons) {
  Device device = production_tolerances(lumped_device(LumpedParameters{}));
  device = with_phonon_model(device, "film", registry());
  EXPECT_EQ(device.material.phonon_heat_capacity.model, "film");
  HotspotCooling run(device, registry());
  expect_energy_book_closes(run.run(), "step, confined phonons");
}

TEST(LumpedRun, EnergyBookClosesWithTheBoundaryLaw) {
  Device device = production_tolerances(lumped_device(LumpedParameters{}));
  // sigma_b such that the effective escape time d C_ph / (4 sigma_b T^3) is 40 ps at 2 K.
  const LumpedParameters p;
  const double sigma_b = p.thickness * p.phonon_heat_capacity(2.0) / (4.0 * 8.0 * p.escape_time);
  device.bath.phonon_escape = testing::choice(
      "acoustic-mismatch", {{"boundary_coefficient", testing::number(sigma_b) + " W/(m^2 K^4)"}});
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();
  expect_energy_book_closes(result, "step, acoustic mismatch");
  // For Debye phonons (C_ph ~ T^3) the AMM escape time is temperature-independent
  // (docs/physics.md 3), so it matches the fixed escape time at any T: the escape
  // rate entering the linearised system is the same.
  HotspotCooling fixed(production_tolerances(lumped_device(p)), registry());
  const CoolingResult reference = fixed.run();
  EXPECT_NEAR(result.linearised_time_constants_s[1], reference.linearised_time_constants_s[1],
              1e-9 * reference.linearised_time_constants_s[1]);
}

TEST(LumpedRun, GaussianPulseIsResolvedAndConservesEnergy) {
  LumpedParameters p;
  Device device = production_tolerances(lumped_device(p));
  // A late, short pulse between two far-apart output times: without a stop
  // time and a step limit CVODE would step straight over it.
  device.photon.arrival_time.value = from_si<Time>(3e-9);
  device.photon.pulse_width = Sourced<Time>{from_si<Time>(0.5e-12), {}};
  device.solver.output_count.value = 20;
  device.solver.end_time.value = from_si<Time>(40e-9);
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();
  expect_energy_book_closes(result, "pulse");
  ASSERT_TRUE(result.electrons.peak_reached);
  EXPECT_GT(result.electrons.peak_time_s, 3e-9 - 1e-12);
  EXPECT_LT(result.electrons.peak_time_s, 3e-9 + 5e-12);
  // A pulse much shorter than every relaxation time deposits like a step:
  // the peak electron temperature is the step's less what the electrons lose
  // while the pulse lasts, at most the fraction FWHM * P_ep(T0, T_b) / (eta E / V)
  // of the energy (3e-3 here); the rise falls short by less than twice that.
  HotspotCooling step(production_tolerances(lumped_device(p)), registry());
  const double step_peak = step.run().electrons.peak_K;
  const double lost_fraction = 0.5e-12 * p.electron_phonon_power(step_peak, p.bath_temperature) /
                               (p.absorbed_energy / p.hotspot_volume());
  EXPECT_LT(result.electrons.peak_K, step_peak);
  EXPECT_GT(result.electrons.peak_K,
            step_peak - 2.0 * lost_fraction * (step_peak - p.bath_temperature));
}

TEST(LumpedRun, GivenHotspotTemperatureStartsTheElectronsThere) {
  LumpedParameters p;
  Device device = production_tolerances(lumped_device(p));
  device.photon.hotspot_temperature = Sourced<Temperature>{from_si<Temperature>(8.0), {}};
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();
  EXPECT_EQ(result.electrons.peak_K, 8.0);
  // The absorbed energy is what the start takes: gamma/2 (T^2 - T_b^2) V (Sommerfeld).
  const double expected_J = 0.5 * p.sommerfeld * (64.0 - 4.0) * p.hotspot_volume();
  EXPECT_NEAR(result.absorbed_energy_J, expected_J, 1e-13 * expected_J);
  expect_energy_book_closes(result, "given hotspot temperature");

  device.photon.pulse_width = Sourced<Time>{from_si<Time>(1e-12), {}};
  EXPECT_THROW(HotspotCooling(device, registry()), std::invalid_argument);
}

TEST(LumpedRun, BcsElectronsCoolingThroughTheCriticalTemperature) {
  // C_e jumps by 1.43 gamma T_c at T_c: the run restarts CVODE at the crossing
  // (located by a root function) and the energy book still closes.
  LumpedParameters p;
  Device device = production_tolerances(lumped_device(p));
  device.material.electron_heat_capacity = testing::choice(
      "bcs", {{"sommerfeld_coefficient", "160 J/(m^3 K^2)"}, {"critical_temperature", "4 K"}});
  device.material.critical_temperature = Sourced<Temperature>{from_si<Temperature>(4.0), {}};
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();
  EXPECT_GT(result.electrons.peak_K, 4.5);
  EXPECT_LT(result.trace.back().electron_temperature_K, 4.0);
  expect_energy_book_closes(result, "BCS electrons through T_c");
}

TEST(LumpedRun, EquivalentUnitSpellingsGiveIdenticalTraces) {
  LumpedParameters p;
  Device plain = lumped_device(p);
  Device spelled = plain;
  spelled.material.electron_heat_capacity.parameters = {
      {"sommerfeld_coefficient", "0.16 kJ m^-3 K^-2"}};
  spelled.material.phonon_heat_capacity.parameters = {{"sound_velocity", "4 km/s"}};
  spelled.material.electron_phonon_power.parameters = {
      {"relaxation_time", "10 ps"},
      {"reference_temperature", "10 K"},
      {"temperature_exponent", "3.45"},
      {"electron_heat_capacity_at_reference", "1.6 kJ/(m^3*K)"}};
  spelled.bath.phonon_escape.parameters = {{"escape_time", "0.04 ns"}};
  HotspotCooling a(plain, registry());
  HotspotCooling b(spelled, registry());
  const CoolingResult ra = a.run();
  const CoolingResult rb = b.run();
  ASSERT_EQ(ra.trace.size(), rb.trace.size());
  // The parser scales decimal prefixes exactly, so the SI inputs are the same
  // doubles and the whole computation repeats bit for bit.
  for (std::size_t i = 0; i < ra.trace.size(); ++i) {
    EXPECT_EQ(ra.trace[i].electron_temperature_K, rb.trace[i].electron_temperature_K) << i;
    EXPECT_EQ(ra.trace[i].phonon_temperature_K, rb.trace[i].phonon_temperature_K) << i;
    EXPECT_EQ(ra.trace[i].escaped_energy_J, rb.trace[i].escaped_energy_J) << i;
  }
  EXPECT_EQ(ra.statistics.steps, rb.statistics.steps);
}

TEST(LumpedRun, StepBudgetFailureNamesTheTimeReached) {
  Device device = lumped_device(LumpedParameters{});
  device.solver.max_steps.value = 10;
  HotspotCooling run(device, registry());
  try {
    run.run();
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& e) {
    EXPECT_EQ(e.flag_name(), "CV_TOO_MUCH_WORK");
    EXPECT_GT(e.time_reached_s(), 0.0);
    EXPECT_LT(e.time_reached_s(), 20e-9);
    EXPECT_THAT(e.what(), HasSubstr(fmt::format("at t = {:.6g} s", e.time_reached_s())));
    EXPECT_THAT(e.what(), HasSubstr("max_steps = 10"));
  }
}

TEST(LumpedRun, MaterialErrorsNameThePropertyAndParameter) {
  Device device = lumped_device(LumpedParameters{});
  device.bath.phonon_escape.parameters = {{"escape_time", "40 K"}};
  try {
    HotspotCooling run(device, registry());
    FAIL() << "expected a ParameterError";
  } catch (const ParameterError& e) {
    EXPECT_EQ(e.parameter(), "escape_time");
    EXPECT_THAT(e.what(), HasSubstr("phonon_escape (model 'escape-time'"));
  }
  EXPECT_THROW(with_phonon_model(device, "sommerfeld", registry()), ParameterError);
}

TEST(LumpedRun, FitTailDecayTimeRecoversAnExponential) {
  std::vector<double> t, rise;
  for (int i = 0; i < 200; ++i) {
    t.push_back(1e-12 * std::pow(1.05, i));
    rise.push_back(3.0 * std::exp(-t.back() / 2.5e-10));
  }
  const auto tau = fit_tail_decay_time_s(t, rise, 3.0, 0.0);
  ASSERT_TRUE(tau.has_value());
  // A pure exponential: the least-squares fit is exact up to rounding.
  EXPECT_NEAR(*tau, 2.5e-10, 1e-9 * 2.5e-10);
  EXPECT_FALSE(fit_tail_decay_time_s(t, rise, 3.0, 1.0).has_value());
}

}  // namespace
}  // namespace filmtherm
