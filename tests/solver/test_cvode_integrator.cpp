// CvodeIntegrator against ODEs with closed-form solutions, and its error
// paths: exceptions in callbacks, recoverable failures, step budgets.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "filmtherm/cvode_integrator.h"

namespace filmtherm {
namespace {

using ::testing::HasSubstr;

// dy/dt = A y with A = [[-a, b], [c, -d]]: the 2x2 analogue of the
// two-temperature model, solved exactly through the matrix exponential.
class LinearPair final : public OdeSystem {
 public:
  LinearPair(double a, double b, double c, double d, bool analytic_jacobian)
      : a_(a), b_(b), c_(c), d_(d), analytic_(analytic_jacobian) {}
  std::size_t size() const override { return 2; }
  std::string component_name(std::size_t i) const override { return i == 0 ? "first" : "second"; }
  void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
    ++rhs_calls;
    f[0] = -a_ * y[0] + b_ * y[1];
    f[1] = c_ * y[0] - d_ * y[1];
  }
  bool has_jacobian() const override { return analytic_; }
  void jacobian(double, std::span<const double>, std::span<const double>,
                JacobianMatrix& j) override {
    j.set(0, 0, -a_);
    j.set(0, 1, b_);
    j.set(1, 0, c_);
    j.set(1, 1, -d_);
  }
  // Exact solution from y0 by the 2x2 matrix exponential (Cayley-Hamilton):
  // e^{At} = e^{mt} [cosh(st) I + sinh(st)/s (A - m I)], m = tr/2, s^2 = m^2 - det.
  std::array<double, 2> exact(double t, std::array<double, 2> y0) const {
    const double m = 0.5 * (-a_ - d_);
    const double s = std::sqrt(m * m - (a_ * d_ - b_ * c_));
    const double ch = std::cosh(s * t), sh = std::sinh(s * t) / s, e = std::exp(m * t);
    return {e * ((ch + sh * (-a_ - m)) * y0[0] + sh * b_ * y0[1]),
            e * (sh * c_ * y0[0] + (ch + sh * (-d_ - m)) * y0[1])};
  }
  long rhs_calls = 0;

 private:
  double a_, b_, c_, d_;
  bool analytic_;
};

CvodeSettings tight_settings() {
  CvodeSettings s;
  s.relative_tolerance = 1e-10;
  s.absolute_tolerances = {1e-30};
  return s;
}

TEST(CvodeIntegrator, StiffLinearPairMatchesMatrixExponential) {
  // Rates 1e3 and ~1 apart: stiff like the hotspot model.
  for (const bool analytic : {true, false}) {
    LinearPair system(1000.0, 900.0, 50.0, 55.0, analytic);
    const std::array<double, 2> y0{1.0, 0.0};
    CvodeIntegrator integrator(system, 0.0, y0, tight_settings());
    double worst = 0.0;
    for (double t = 1e-5; t <= 3.0; t *= 1.2) {
      integrator.advance_to(t);
      const auto exact = system.exact(t, y0);
      for (int i = 0; i < 2; ++i) {
        worst = std::max(worst, std::abs(integrator.state()[i] - exact[i]) / std::abs(exact[i]));
      }
    }
    // rtol 1e-10 is a local error target; BDF's global error over ~60 outputs
    // stays within a few hundred times it.
    EXPECT_LT(worst, 1e-7) << (analytic ? "analytic" : "finite-difference") << " Jacobian";
    const SolverStatistics stats = integrator.statistics();
    EXPECT_GT(stats.steps, 10);
    EXPECT_GE(stats.rhs_evaluations, stats.steps);
    EXPECT_GT(stats.jacobian_evaluations, 0);
    EXPECT_GT(stats.nonlinear_iterations, 0);
    if (!analytic) {
      EXPECT_EQ(stats.rhs_evaluations, system.rhs_calls);
    }
  }
}

// Diffusion on a line of n cells (tridiagonal): the banded solver must give
// the dense solver's answer.
class DiffusionLine final : public OdeSystem {
 public:
  explicit DiffusionLine(std::size_t n) : n_(n) {}
  std::size_t size() const override { return n_; }
  void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
    for (std::size_t i = 0; i < n_; ++i) {
      const double left = i > 0 ? y[i - 1] : 0.0;
      const double right = i + 1 < n_ ? y[i + 1] : 0.0;
      f[i] = 100.0 * (left - 2.0 * y[i] + right);
    }
  }
  bool has_jacobian() const override { return true; }
  void jacobian(double, std::span<const double>, std::span<const double>,
                JacobianMatrix& j) override {
    for (std::size_t i = 0; i < n_; ++i) {
      j.set(i, i, -200.0);
      if (i > 0) j.set(i, i - 1, 100.0);
      if (i + 1 < n_) j.set(i, i + 1, 100.0);
    }
  }

 private:
  std::size_t n_;
};

TEST(CvodeIntegrator, BandedSolverAgreesWithDense) {
  const std::size_t n = 20;
  std::vector<double> y0(n);
  for (std::size_t i = 0; i < n; ++i) y0[i] = std::sin(std::numbers::pi * (i + 1.0) / (n + 1.0));
  DiffusionLine dense_system(n), banded_system(n);
  CvodeSettings banded = tight_settings();
  banded.linear_solver = {LinearSolverKind::banded, 1, 1};
  CvodeIntegrator dense(dense_system, 0.0, y0, tight_settings());
  CvodeIntegrator band(banded_system, 0.0, y0, banded);
  dense.advance_to(0.05);
  band.advance_to(0.05);
  for (std::size_t i = 0; i < n; ++i) {
    // Same steps and the same Newton matrix, factorised two ways: only
    // rounding differs.
    EXPECT_NEAR(band.state()[i], dense.state()[i], 1e-12 * std::abs(dense.state()[i])) << i;
  }
}

TEST(CvodeIntegrator, BandedJacobianRejectsEntriesOutsideTheBand) {
  class Wide final : public OdeSystem {
    std::size_t size() const override { return 3; }
    void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
      for (int i = 0; i < 3; ++i) f[i] = -y[i];
    }
    bool has_jacobian() const override { return true; }
    void jacobian(double, std::span<const double>, std::span<const double>,
                  JacobianMatrix& j) override {
      j.set(0, 2, 1.0);
    }
  } system;
  CvodeSettings settings;
  settings.linear_solver = {LinearSolverKind::banded, 1, 1};
  const std::array<double, 3> y0{1.0, 1.0, 1.0};
  CvodeIntegrator integrator(system, 0.0, y0, settings);
  try {
    integrator.advance_to(1.0);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("outside the band"));
  }
}

// Harmonic oscillator y0 = sin t, y1 = cos t; root g = y0 falling through 0 at t = pi.
class Oscillator final : public OdeSystem {
 public:
  std::size_t size() const override { return 2; }
  void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
    f[0] = y[1];
    f[1] = -y[0];
  }
  std::size_t root_count() const override { return 1; }
  void roots(double, std::span<const double> y, std::span<double> g) override {
    if (throw_in_root) throw std::runtime_error("root function broke");
    g[0] = y[0];
  }
  std::vector<int> root_directions() const override { return {-1}; }
  bool throw_in_root = false;
};

TEST(CvodeIntegrator, RootFunctionLocatesFallingZero) {
  Oscillator system;
  const std::array<double, 2> y0{0.0, 1.0};
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings());
  const AdvanceResult first = integrator.advance_to(10.0);
  ASSERT_TRUE(first.root_found);
  ASSERT_EQ(first.roots.size(), 1u);
  EXPECT_EQ(first.roots[0], -1);
  // CVODE locates roots to about 100 * unit roundoff * (|t| + |h|); the
  // state error at 1e-10 relative tolerance bounds the rest.
  EXPECT_NEAR(first.time_s, std::numbers::pi, 1e-8);
  // The rising zero at 2 pi is filtered by the direction; the next falling one is 3 pi.
  const AdvanceResult second = integrator.advance_to(10.0);
  ASSERT_TRUE(second.root_found);
  EXPECT_NEAR(second.time_s, 3.0 * std::numbers::pi, 1e-7);
  const AdvanceResult last = integrator.advance_to(10.0);
  EXPECT_FALSE(last.root_found);
  EXPECT_DOUBLE_EQ(last.time_s, 10.0);
  EXPECT_GT(integrator.statistics().root_evaluations, 0);
}

TEST(CvodeIntegrator, ExceptionInRootFunctionIsFatalAndKept) {
  Oscillator system;
  system.throw_in_root = true;
  const std::array<double, 2> y0{0.0, 1.0};
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings());
  try {
    integrator.advance_to(1.0);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& e) {
    EXPECT_EQ(e.flag_name(), "CV_RTFUNC_FAIL");
    EXPECT_THAT(e.what(), HasSubstr("root function broke"));
  }
}

// y' = -y with a right-hand side that misbehaves on request.
class Decay final : public OdeSystem {
 public:
  std::size_t size() const override { return 1; }
  std::string component_name(std::size_t) const override { return "amount"; }
  void right_hand_side(double t, std::span<const double> y, std::span<double> f) override {
    if (t > fatal_after_s) throw std::runtime_error("plugin says the input is broken");
    if (t > recoverable_after_s && recoverable_failures_left > 0) {
      --recoverable_failures_left;
      throw RecoverableOdeError("trial state out of range");
    }
    f[0] = -y[0];
  }
  double fatal_after_s = 1e300;
  double recoverable_after_s = 1e300;
  int recoverable_failures_left = 0;
};

TEST(CvodeIntegrator, FatalExceptionInRightHandSideIsRethrownWithTimeAndMessage) {
  Decay system;
  system.fatal_after_s = 0.5;
  const std::array<double, 1> y0{1.0};
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings());
  try {
    integrator.advance_to(2.0);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& e) {
    EXPECT_EQ(e.flag_name(), "CV_RHSFUNC_FAIL");
    EXPECT_THAT(e.what(), HasSubstr("plugin says the input is broken"));
    EXPECT_THAT(e.what(), HasSubstr("right-hand side failed at t = "));
    EXPECT_LE(e.time_reached_s(), 0.5);
    EXPECT_GT(e.time_reached_s(), 0.0);
    // The original exception travels as the nested one.
    try {
      std::rethrow_if_nested(e);
      FAIL() << "expected a nested exception";
    } catch (const std::runtime_error& original) {
      EXPECT_STREQ(original.what(), "plugin says the input is broken");
    }
  }
}

TEST(CvodeIntegrator, RecoverableExceptionMakesCvodeRetryAndSucceed) {
  Decay system;
  system.recoverable_after_s = 0.3;
  system.recoverable_failures_left = 3;
  const std::array<double, 1> y0{1.0};
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings());
  integrator.advance_to(2.0);
  EXPECT_EQ(system.recoverable_failures_left, 0);
  // Retried steps must not degrade the answer beyond the tolerance-driven error.
  EXPECT_NEAR(integrator.state()[0], std::exp(-2.0), 1e-8 * std::exp(-2.0));
}

TEST(CvodeIntegrator, PersistentRecoverableFailureEndsAsAnError) {
  Decay system;
  system.recoverable_after_s = 0.3;
  system.recoverable_failures_left = 1 << 30;
  const std::array<double, 1> y0{1.0};
  // CVODE creeps up to t = 0.3 with ever smaller steps; a budget keeps it short.
  CvodeSettings settings = tight_settings();
  settings.max_steps = 2000;
  CvodeIntegrator integrator(system, 0.0, y0, settings);
  try {
    integrator.advance_to(2.0);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("trial state out of range"));
    EXPECT_LE(e.time_reached_s(), 0.3 + 1e-12);
  }
}

TEST(CvodeIntegrator, StepBudgetFailureNamesFlagTimeAndWorstComponent) {
  LinearPair system(1000.0, 900.0, 50.0, 55.0, true);
  CvodeSettings settings = tight_settings();
  settings.max_steps = 10;
  const std::array<double, 2> y0{1.0, 0.0};
  CvodeIntegrator integrator(system, 0.0, y0, settings);
  try {
    integrator.advance_to(3.0);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& e) {
    EXPECT_EQ(e.flag_name(), "CV_TOO_MUCH_WORK");
    EXPECT_GT(e.time_reached_s(), 0.0);
    EXPECT_LT(e.time_reached_s(), 3.0);
    EXPECT_THAT(e.what(), HasSubstr("CV_TOO_MUCH_WORK"));
    EXPECT_THAT(e.what(), HasSubstr("max_steps = 10"));
    EXPECT_THAT(e.what(), HasSubstr(fmt::format("at t = {:.6g} s", e.time_reached_s())));
    ASSERT_EQ(e.worst_components().size(), 2u);
    EXPECT_GE(e.worst_components()[0].weighted_error, e.worst_components()[1].weighted_error);
    EXPECT_THAT(e.what(), HasSubstr("largest weighted local errors (error / tolerance): " +
                                    e.worst_components()[0].name + " = "));
  }
  EXPECT_EQ(integrator.statistics().steps, 10);
}

TEST(CvodeIntegrator, RejectsInconsistentSettings) {
  Decay system;
  const std::array<double, 1> y0{1.0};
  CvodeSettings settings;
  settings.relative_tolerance = -1.0;
  EXPECT_THROW(CvodeIntegrator(system, 0.0, y0, settings), std::invalid_argument);
  settings = CvodeSettings{};
  settings.absolute_tolerances = {1e-9, 1e-9};
  EXPECT_THROW(CvodeIntegrator(system, 0.0, y0, settings), std::invalid_argument);
  const std::array<double, 2> wrong_size{1.0, 2.0};
  EXPECT_THROW(CvodeIntegrator(system, 0.0, wrong_size, CvodeSettings{}), std::invalid_argument);
}

TEST(CvodeIntegrator, StopTimeAndReinitialisation) {
  Decay system;
  const std::array<double, 1> y0{1.0};
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings());
  integrator.set_stop_time(0.5);
  const AdvanceResult stopped = integrator.advance_to(2.0);
  EXPECT_DOUBLE_EQ(stopped.time_s, 0.5);
  // A jump at t = 0.5 (like a photon step): restart from 2.
  const std::array<double, 1> jumped{2.0};
  const long steps_before = integrator.statistics().steps;
  integrator.reinitialize(0.5, jumped);
  // CVodeReInit zeroes CVODE's counters; the integrator keeps counting.
  EXPECT_EQ(integrator.statistics().steps, steps_before);
  integrator.set_stop_time(10.0);
  integrator.advance_to(1.5);
  EXPECT_NEAR(integrator.state()[0], 2.0 * std::exp(-1.0), 1e-8 * 2.0 * std::exp(-1.0));
  EXPECT_GT(integrator.statistics().steps, steps_before);
}

}  // namespace
}  // namespace filmtherm
