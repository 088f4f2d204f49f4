// Weighted nonlinear least squares by Levenberg-Marquardt: minimises
// chi^2(p) = sum_i ((y_i - f_i(p)) / sigma_i)^2 over a few parameters p, for
// fitting a model curve to measured points (`filmtherm fit-heat-capacity`,
// docs/fitting.md). The Jacobian is taken by central differences, the damped
// normal equations (J^T W J + lambda diag(J^T W J)) dp = J^T W r are solved
// directly (the problems have one to four parameters), and the covariance is
// (J^T W J)^-1 at the minimum: with sigma the standard uncertainties of the
// data, its diagonal holds the squared standard uncertainties of p. When the
// sigma are only relative weights, scale it by the reduced chi^2
// (LeastSquaresFit::scaled_covariance).
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <stdexcept>
#include <vector>

namespace filmtherm {

/// Fills `model` (one value per data point) for the parameters `p`. May throw;
/// levenberg_marquardt treats a throw during a trial step as a rejected step.
using LeastSquaresModel = std::function<void(std::span<const double> p, std::span<double> model)>;

struct LeastSquaresOptions {
  std::size_t max_iterations = 200;
  /// Converged when a step lowers chi^2 by less than this fraction (and the
  /// step is below it relative to the parameters).
  double relative_tolerance = 1e-10;
  /// Relative step of the central differences, times max(|p_j|, 1e-3).
  double difference_step = 1e-6;
};

struct LeastSquaresFit {
  std::vector<double> parameters;
  /// (J^T W J)^-1 at the minimum, row-major n x n. A parameter the data do
  /// not determine (its column of J vanishes) has NaN in its row and column,
  /// the others the covariance as if it were fixed; all NaN when J^T W J is
  /// singular otherwise.
  std::vector<double> covariance;
  double chi_square = 0.0;
  std::size_t points = 0;
  std::size_t iterations = 0;
  bool converged = false;

  std::size_t degrees_of_freedom() const { return points - parameters.size(); }
  double reduced_chi_square() const {
    return chi_square / static_cast<double>(degrees_of_freedom());
  }
  /// The covariance scaled by the reduced chi^2: the estimate to use when the
  /// sigma were not the data's standard uncertainties (unweighted fits).
  std::vector<double> scaled_covariance() const;
  /// sqrt of the covariance's diagonal (or of scaled_covariance()); NaN for a
  /// parameter the data do not determine.
  std::vector<double> standard_uncertainties(bool scale_by_reduced_chi_square) const;
};

/// Fewer points than parameters + 1, or sizes that do not match.
class LeastSquaresError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Fits `model` to `y` with standard uncertainties `sigma` (all > 0), starting
/// from `initial`. Throws LeastSquaresError for a problem that cannot be fitted
/// (too few points, sizes, non-positive sigma, a model that fails at `initial`).
LeastSquaresFit levenberg_marquardt(const LeastSquaresModel& model, std::span<const double> y,
                                    std::span<const double> sigma, std::span<const double> initial,
                                    const LeastSquaresOptions& options = {});

/// Inverse of a symmetric positive-definite n x n matrix (row-major) by
/// Cholesky; empty when it is not positive definite. Used for the covariance.
std::vector<double> invert_positive_definite(std::span<const double> matrix, std::size_t n);

}  // namespace filmtherm
