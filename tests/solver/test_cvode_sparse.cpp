// The sparse (KLU) linear solver of CvodeIntegrator: a diffusion line against
// its exact eigenmode decay, an "arrow" system (every cell coupled to one
// shared variable, the shape of the wire model's circuit coupling) against
// the dense solver, and the error paths of the declared pattern.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "filmtherm/cvode_integrator.h"

namespace filmtherm {
namespace {

using ::testing::HasSubstr;

CvodeSettings tight_settings(LinearSolverKind kind) {
  CvodeSettings s;
  s.relative_tolerance = 1e-10;
  s.absolute_tolerances = {1e-30};
  s.linear_solver.kind = kind;
  return s;
}

// dy_i/dt = k (y_{i-1} - 2 y_i + y_{i+1}) with y = 0 beyond both ends, plus,
// when `arrow` is set, a shared variable z = y[n] with dz/dt = -z + sum_i y_i / n
// that feeds every cell by -c z: a dense row and a dense column.
class ArrowLine final : public OdeSystem {
 public:
  ArrowLine(std::size_t cells, bool arrow) : cells_(cells), arrow_(arrow) {}
  std::size_t size() const override { return cells_ + (arrow_ ? 1 : 0); }
  void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
    double sum = 0.0;
    for (std::size_t i = 0; i < cells_; ++i) {
      const double left = i > 0 ? y[i - 1] : 0.0;
      const double right = i + 1 < cells_ ? y[i + 1] : 0.0;
      f[i] = rate * (left - 2.0 * y[i] + right) - (arrow_ ? coupling * y[cells_] : 0.0);
      sum += y[i];
    }
    if (arrow_) f[cells_] = -y[cells_] + sum / static_cast<double>(cells_);
  }
  bool has_jacobian() const override { return true; }
  void jacobian(double, std::span<const double>, std::span<const double>,
                JacobianMatrix& j) override {
    for (std::size_t i = 0; i < cells_; ++i) {
      j.set(i, i, -2.0 * rate);
      if (i > 0) j.set(i, i - 1, rate);
      if (i + 1 < cells_) j.set(i, i + 1, rate);
      if (arrow_) {
        j.set(i, cells_, -coupling);
        j.set(cells_, i, 1.0 / static_cast<double>(cells_));
      }
    }
    if (arrow_) j.set(cells_, cells_, -1.0);
  }
  std::vector<std::vector<std::size_t>> jacobian_pattern() const override {
    std::vector<std::vector<std::size_t>> rows(size());
    for (std::size_t i = 0; i < cells_; ++i) {
      if (i > 0) rows[i].push_back(i - 1);
      if (i + 1 < cells_) rows[i].push_back(i + 1);
      if (arrow_) {
        rows[i].push_back(cells_);
        rows[cells_].push_back(i);
      }
    }
    return rows;  // the diagonal is added by the integrator
  }

  static constexpr double rate = 100.0;
  static constexpr double coupling = 3.0;

 private:
  std::size_t cells_;
  bool arrow_;
};

TEST(CvodeSparse, DiffusionLineDecaysAsItsLowestEigenmode) {
  // y0 = sin(pi i/(n+1)) is an eigenvector of the tridiagonal matrix with
  // eigenvalue -k (2 - 2 cos(pi/(n+1))): the exact solution is y0 e^(lambda t).
  const std::size_t n = 200;
  ArrowLine system(n, false);
  std::vector<double> y0(n);
  for (std::size_t i = 0; i < n; ++i) y0[i] = std::sin(std::numbers::pi * (i + 1.0) / (n + 1.0));
  const double lambda = -ArrowLine::rate * (2.0 - 2.0 * std::cos(std::numbers::pi / (n + 1.0)));
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings(LinearSolverKind::sparse));
  const double end_s = 2.0 / -lambda;
  integrator.advance_to(end_s);
  double worst = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double exact = y0[i] * std::exp(lambda * end_s);
    worst = std::max(worst, std::abs(integrator.state()[i] - exact) / std::abs(exact));
  }
  // rtol 1e-10 per step; BDF's global error over two decay times stays
  // within a few hundred times it.
  EXPECT_LT(worst, 1e-7);
  EXPECT_GT(integrator.statistics().jacobian_evaluations, 0);
}

TEST(CvodeSparse, ArrowSystemAgreesWithDenseSolver) {
  const std::size_t n = 60;
  std::vector<double> y0(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) y0[i] = std::exp(-0.01 * (i - 30.0) * (i - 30.0));
  y0[n] = 0.5;
  ArrowLine dense_system(n, true), sparse_system(n, true);
  CvodeIntegrator dense(dense_system, 0.0, y0, tight_settings(LinearSolverKind::dense));
  CvodeIntegrator sparse(sparse_system, 0.0, y0, tight_settings(LinearSolverKind::sparse));
  for (const double t : {1e-4, 1e-3, 1e-2, 0.1, 1.0}) {
    dense.advance_to(t);
    sparse.advance_to(t);
    for (std::size_t i = 0; i <= n; ++i) {
      // The same Newton matrix factorised by dense LU and by KLU: the step
      // sequences may part by rounding, so the states agree to a few times
      // the tolerance, not to the last bit.
      EXPECT_NEAR(sparse.state()[i], dense.state()[i], 1e-8 * std::abs(dense.state()[i]) + 1e-14)
          << "t = " << t << ", i = " << i;
    }
  }
}

TEST(CvodeSparse, ReinitialisationKeepsThePattern) {
  const std::size_t n = 30;
  ArrowLine system(n, true);
  std::vector<double> y0(n + 1, 1.0);
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings(LinearSolverKind::sparse));
  integrator.advance_to(0.01);
  std::vector<double> restart(integrator.state().begin(), integrator.state().end());
  integrator.reinitialize(0.01, restart);
  integrator.advance_to(0.02);
  ArrowLine reference_system(n, true);
  CvodeIntegrator reference(reference_system, 0.0, y0, tight_settings(LinearSolverKind::dense));
  reference.advance_to(0.02);
  for (std::size_t i = 0; i <= n; ++i) {
    // A restart costs accuracy of order rtol only.
    EXPECT_NEAR(integrator.state()[i], reference.state()[i], 1e-8) << i;
  }
}

TEST(CvodeSparse, EntryOutsideThePatternIsAnError) {
  class Outside final : public OdeSystem {
    std::size_t size() const override { return 3; }
    void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
      for (int i = 0; i < 3; ++i) f[i] = -y[i];
    }
    bool has_jacobian() const override { return true; }
    void jacobian(double, std::span<const double>, std::span<const double>,
                  JacobianMatrix& j) override {
      j.set(0, 0, -1.0);
      j.set(0, 2, 1.0);  // not declared
    }
    std::vector<std::vector<std::size_t>> jacobian_pattern() const override {
      return {{0, 1}, {}, {}};
    }
  } system;
  const std::array<double, 3> y0{1.0, 1.0, 1.0};
  CvodeIntegrator integrator(system, 0.0, y0, tight_settings(LinearSolverKind::sparse));
  try {
    integrator.advance_to(1.0);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("outside the sparsity pattern"));
  }
}

TEST(CvodeSparse, RefusesSystemsWithoutJacobianOrPattern) {
  class NoJacobian final : public OdeSystem {
    std::size_t size() const override { return 2; }
    void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
      f[0] = -y[0];
      f[1] = -y[1];
    }
  } no_jacobian;
  class NoPattern final : public OdeSystem {
    std::size_t size() const override { return 2; }
    void right_hand_side(double, std::span<const double> y, std::span<double> f) override {
      f[0] = -y[0];
      f[1] = -y[1];
    }
    bool has_jacobian() const override { return true; }
    void jacobian(double, std::span<const double>, std::span<const double>,
                  JacobianMatrix& j) override {
      j.set(0, 0, -1.0);
      j.set(1, 1, -1.0);
    }
  } no_pattern;
  class BadPattern final : public OdeSystem {
    std::size_t size() const override { return 2; }
    void right_hand_side(double, std::span<const double>, std::span<double> f) override {
      f[0] = f[1] = 0.0;
    }
    bool has_jacobian() const override { return true; }
    void jacobian(double, std::span<const double>, std::span<const double>,
                  JacobianMatrix&) override {}
    std::vector<std::vector<std::size_t>> jacobian_pattern() const override { return {{5}, {}}; }
  } bad_pattern;
  const std::array<double, 2> y0{1.0, 1.0};
  const CvodeSettings settings = tight_settings(LinearSolverKind::sparse);
  EXPECT_THROW(CvodeIntegrator(no_jacobian, 0.0, y0, settings), std::invalid_argument);
  EXPECT_THROW(CvodeIntegrator(no_pattern, 0.0, y0, settings), std::logic_error);
  EXPECT_THROW(CvodeIntegrator(bad_pattern, 0.0, y0, settings), std::invalid_argument);
}

}  // namespace
}  // namespace filmtherm
