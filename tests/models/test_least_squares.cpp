// Levenberg-Marquardt against problems with known answers: a weighted straight
// line (closed-form estimates and covariance), a nonlinear exponential from a
// poor start, the reduced-chi^2 scaling, and the problems it must refuse.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "filmtherm/least_squares.h"

namespace filmtherm {
namespace {

TEST(LeastSquares, WeightedStraightLineMatchesTheClosedForm) {
  const std::vector<double> x{0.0, 1.0, 2.0, 3.0, 4.0, 5.0};
  const std::vector<double> y{1.1, 2.9, 5.2, 6.8, 9.3, 10.9};
  const std::vector<double> sigma{0.1, 0.2, 0.1, 0.3, 0.2, 0.1};
  const LeastSquaresModel line = [&](std::span<const double> p, std::span<double> f) {
    for (std::size_t i = 0; i < x.size(); ++i) f[i] = p[0] + p[1] * x[i];
  };
  const std::vector<double> start{0.0, 0.0};
  const LeastSquaresFit fit = levenberg_marquardt(line, y, sigma, start);
  ASSERT_TRUE(fit.converged);

  // Weighted normal equations written out (Press et al., Numerical Recipes 15.2).
  double S = 0, Sx = 0, Sy = 0, Sxx = 0, Sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double w = 1.0 / (sigma[i] * sigma[i]);
    S += w, Sx += w * x[i], Sy += w * y[i], Sxx += w * x[i] * x[i], Sxy += w * x[i] * y[i];
  }
  const double delta = S * Sxx - Sx * Sx;
  const double a = (Sxx * Sy - Sx * Sxy) / delta;
  const double b = (S * Sxy - Sx * Sy) / delta;
  EXPECT_NEAR(fit.parameters[0], a, 1e-8);
  EXPECT_NEAR(fit.parameters[1], b, 1e-8);
  ASSERT_EQ(fit.covariance.size(), 4u);
  // Central differences of a linear model are exact up to rounding.
  EXPECT_NEAR(fit.covariance[0] / (Sxx / delta), 1.0, 1e-6);
  EXPECT_NEAR(fit.covariance[3] / (S / delta), 1.0, 1e-6);
  EXPECT_NEAR(fit.covariance[1] / (-Sx / delta), 1.0, 1e-6);
  EXPECT_EQ(fit.degrees_of_freedom(), 4u);

  double chi_square = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    chi_square += std::pow((y[i] - a - b * x[i]) / sigma[i], 2);
  }
  EXPECT_NEAR(fit.chi_square, chi_square, 1e-9 * chi_square);
  const std::vector<double> scaled = fit.scaled_covariance();
  EXPECT_NEAR(scaled[3], fit.covariance[3] * chi_square / 4.0, 1e-12 * scaled[3]);
  const std::vector<double> u = fit.standard_uncertainties(true);
  EXPECT_NEAR(u[1], std::sqrt(scaled[3]), 1e-15);
}

TEST(LeastSquares, NonlinearExponentialFromAPoorStart) {
  std::vector<double> t, y;
  for (int i = 0; i < 20; ++i) {
    t.push_back(0.25 * i);
    y.push_back(3.0 * std::exp(-t.back() / 1.7));
  }
  const std::vector<double> sigma(t.size(), 1e-3);
  const LeastSquaresModel decay = [&](std::span<const double> p, std::span<double> f) {
    for (std::size_t i = 0; i < t.size(); ++i) f[i] = p[0] * std::exp(-t[i] / p[1]);
  };
  const std::vector<double> start{0.5, 10.0};
  const LeastSquaresFit fit = levenberg_marquardt(decay, y, sigma, start);
  EXPECT_TRUE(fit.converged);
  EXPECT_NEAR(fit.parameters[0], 3.0, 1e-7);
  EXPECT_NEAR(fit.parameters[1], 1.7, 1e-7);
  EXPECT_LT(fit.chi_square, 1e-8);
}

TEST(LeastSquares, AParameterTheDataDoNotDetermineHasNoUncertainty) {
  const std::vector<double> y{1.0, 2.0, 3.0};
  const std::vector<double> sigma{1.0, 1.0, 1.0};
  const LeastSquaresModel constant = [](std::span<const double> p, std::span<double> f) {
    for (double& v : f) v = p[0];  // p[1] never enters
  };
  const std::vector<double> start{0.0, 1.0};
  const LeastSquaresFit fit = levenberg_marquardt(constant, y, sigma, start);
  EXPECT_NEAR(fit.parameters[0], 2.0, 1e-9);
  const std::vector<double> u = fit.standard_uncertainties(false);
  ASSERT_EQ(u.size(), 2u);
  EXPECT_NEAR(u[0], std::sqrt(1.0 / 3.0), 1e-9);  // the mean of 3 points with sigma 1
  EXPECT_TRUE(std::isnan(u[1]));
}

TEST(LeastSquares, RefusesProblemsItCannotFit) {
  const LeastSquaresModel any = [](std::span<const double>, std::span<double> f) {
    for (double& v : f) v = 1.0;
  };
  const std::vector<double> two{1.0, 2.0};
  const std::vector<double> ones{1.0, 1.0};
  const std::vector<double> start{0.0, 0.0};
  EXPECT_THROW(levenberg_marquardt(any, two, ones, start), LeastSquaresError);  // 2 points, 2 p
  const std::vector<double> bad_sigma{1.0, 0.0};
  const std::vector<double> one{0.0};
  EXPECT_THROW(levenberg_marquardt(any, two, bad_sigma, one), LeastSquaresError);
  const LeastSquaresModel failing = [](std::span<const double>, std::span<double>) {
    throw std::domain_error("outside the model's range");
  };
  EXPECT_THROW(levenberg_marquardt(failing, two, ones, one), LeastSquaresError);
}

TEST(LeastSquares, InvertsPositiveDefiniteMatricesOnly) {
  const std::vector<double> a{4.0, 2.0, 2.0, 3.0};
  const std::vector<double> inverse = invert_positive_definite(a, 2);
  ASSERT_EQ(inverse.size(), 4u);
  EXPECT_NEAR(inverse[0], 3.0 / 8.0, 1e-15);
  EXPECT_NEAR(inverse[1], -2.0 / 8.0, 1e-15);
  EXPECT_NEAR(inverse[3], 4.0 / 8.0, 1e-15);
  const std::vector<double> indefinite{1.0, 2.0, 2.0, 1.0};
  EXPECT_TRUE(invert_positive_definite(indefinite, 2).empty());
}

}  // namespace
}  // namespace filmtherm
