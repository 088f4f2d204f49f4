#include "filmtherm/least_squares.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace filmtherm {

namespace {

// Cholesky factor L (lower, row-major) of a symmetric matrix; false when it is
// not positive definite.
bool cholesky(std::span<const double> a, std::size_t n, std::vector<double>& l) {
  l.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double sum = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k) sum -= l[i * n + k] * l[j * n + k];
      if (i == j) {
        if (!(sum > 0.0) || !std::isfinite(sum)) return false;
        l[i * n + i] = std::sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  return true;
}

// Solves L L^T x = b in place.
void cholesky_solve(const std::vector<double>& l, std::size_t n, std::vector<double>& b) {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < i; ++k) b[i] -= l[i * n + k] * b[k];
    b[i] /= l[i * n + i];
  }
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t k = i + 1; k < n; ++k) b[i] -= l[k * n + i] * b[k];
    b[i] /= l[i * n + i];
  }
}

struct Evaluation {
  bool ok = false;
  double chi_square = 0.0;
  std::vector<double> weighted_residuals;  // (y - f) / sigma
};

Evaluation evaluate(const LeastSquaresModel& model, std::span<const double> p,
                    std::span<const double> y, std::span<const double> sigma,
                    std::vector<double>& buffer) {
  Evaluation e;
  try {
    model(p, buffer);
  } catch (const std::exception&) {
    return e;
  }
  e.weighted_residuals.resize(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double r = (y[i] - buffer[i]) / sigma[i];
    if (!std::isfinite(r)) return e;
    e.weighted_residuals[i] = r;
    e.chi_square += r * r;
  }
  e.ok = true;
  return e;
}

// The weighted Jacobian J_ij = (d f_i / d p_j) / sigma_i by central differences,
// column-major (one column per parameter).
std::vector<double> weighted_jacobian(const LeastSquaresModel& model, std::span<const double> p,
                                      std::span<const double> sigma,
                                      const LeastSquaresOptions& options) {
  const std::size_t m = sigma.size();
  const std::size_t n = p.size();
  std::vector<double> jacobian(m * n);
  std::vector<double> shifted(p.begin(), p.end());
  std::vector<double> plus(m), minus(m);
  for (std::size_t j = 0; j < n; ++j) {
    const double h = options.difference_step * std::max(std::abs(p[j]), 1e-3);
    shifted[j] = p[j] + h;
    model(shifted, plus);
    shifted[j] = p[j] - h;
    model(shifted, minus);
    shifted[j] = p[j];
    for (std::size_t i = 0; i < m; ++i) {
      jacobian[j * m + i] = (plus[i] - minus[i]) / (2.0 * h * sigma[i]);
    }
  }
  return jacobian;
}

// J^T J (n x n, row-major) and J^T r.
void normal_equations(const std::vector<double>& jacobian, const std::vector<double>& r,
                      std::size_t n, std::vector<double>& jtj, std::vector<double>& jtr) {
  const std::size_t m = r.size();
  jtj.assign(n * n, 0.0);
  jtr.assign(n, 0.0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t i = 0; i < m; ++i) jtr[a] += jacobian[a * m + i] * r[i];
    for (std::size_t b = 0; b <= a; ++b) {
      double sum = 0.0;
      for (std::size_t i = 0; i < m; ++i) sum += jacobian[a * m + i] * jacobian[b * m + i];
      jtj[a * n + b] = jtj[b * n + a] = sum;
    }
  }
}

// (J^T W J)^-1 over the parameters the data determine. A parameter whose
// column of J vanishes (a cutoff far above every data point: no value of it
// changes the model) gets NaN in its row and column, and the others the
// inverse of the remaining block, as if it had been held fixed.
std::vector<double> covariance_of_determined(const std::vector<double>& jtj, std::size_t n) {
  std::vector<double> full = invert_positive_definite(jtj, n);
  if (!full.empty()) return full;
  double largest = 0.0;
  for (std::size_t j = 0; j < n; ++j) largest = std::max(largest, jtj[j * n + j]);
  std::vector<std::size_t> kept;
  for (std::size_t j = 0; j < n; ++j) {
    if (jtj[j * n + j] > 1e-14 * largest) kept.push_back(j);
  }
  const std::size_t k = kept.size();
  std::vector<double> block(k * k);
  for (std::size_t a = 0; a < k; ++a) {
    for (std::size_t b = 0; b < k; ++b) block[a * k + b] = jtj[kept[a] * n + kept[b]];
  }
  const std::vector<double> inverse =
      k > 0 ? invert_positive_definite(block, k) : std::vector<double>{};
  full.assign(n * n, std::nan(""));
  if (inverse.empty()) return full;
  for (std::size_t a = 0; a < k; ++a) {
    for (std::size_t b = 0; b < k; ++b) full[kept[a] * n + kept[b]] = inverse[a * k + b];
  }
  return full;
}

}  // namespace

std::vector<double> invert_positive_definite(std::span<const double> matrix, std::size_t n) {
  std::vector<double> l;
  if (!cholesky(matrix, n, l)) return {};
  std::vector<double> inverse(n * n);
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<double> column(n, 0.0);
    column[j] = 1.0;
    cholesky_solve(l, n, column);
    for (std::size_t i = 0; i < n; ++i) inverse[i * n + j] = column[i];
  }
  return inverse;
}

std::vector<double> LeastSquaresFit::scaled_covariance() const {
  std::vector<double> scaled = covariance;
  const double factor = reduced_chi_square();
  for (double& c : scaled) c *= factor;
  return scaled;
}

std::vector<double> LeastSquaresFit::standard_uncertainties(
    bool scale_by_reduced_chi_square) const {
  if (covariance.empty()) return {};
  const std::vector<double> c = scale_by_reduced_chi_square ? scaled_covariance() : covariance;
  const std::size_t n = parameters.size();
  std::vector<double> u(n);
  for (std::size_t j = 0; j < n; ++j) u[j] = std::sqrt(c[j * n + j]);
  return u;
}

LeastSquaresFit levenberg_marquardt(const LeastSquaresModel& model, std::span<const double> y,
                                    std::span<const double> sigma, std::span<const double> initial,
                                    const LeastSquaresOptions& options) {
  const std::size_t m = y.size();
  const std::size_t n = initial.size();
  if (n == 0) throw LeastSquaresError("no parameters to fit");
  if (sigma.size() != m) throw LeastSquaresError("y and sigma differ in length");
  if (m < n + 1) {
    throw LeastSquaresError("fitting " + std::to_string(n) + " parameter" + (n == 1 ? "" : "s") +
                            " needs at least " + std::to_string(n + 1) + " points, got " +
                            std::to_string(m));
  }
  for (std::size_t i = 0; i < m; ++i) {
    if (!(sigma[i] > 0.0) || !std::isfinite(sigma[i]) || !std::isfinite(y[i])) {
      throw LeastSquaresError("point " + std::to_string(i + 1) +
                              ": y must be finite and sigma finite and positive");
    }
  }

  std::vector<double> buffer(m);
  std::vector<double> p(initial.begin(), initial.end());
  Evaluation current = evaluate(model, p, y, sigma, buffer);
  if (!current.ok) throw LeastSquaresError("the model cannot be evaluated at the initial guess");

  LeastSquaresFit fit;
  fit.points = m;
  double lambda = 1e-3;
  std::vector<double> jtj, jtr, l;
  for (fit.iterations = 0; fit.iterations < options.max_iterations && !fit.converged;) {
    ++fit.iterations;
    normal_equations(weighted_jacobian(model, p, sigma, options), current.weighted_residuals, n,
                     jtj, jtr);
    // Damped steps, raising lambda until one lowers chi^2 (Marquardt's scaling
    // by diag(J^T J) makes the step independent of the parameters' units).
    while (true) {
      std::vector<double> damped = jtj;
      for (std::size_t j = 0; j < n; ++j) {
        const double diagonal = jtj[j * n + j] > 0.0 ? jtj[j * n + j] : 1.0;
        damped[j * n + j] += lambda * diagonal;
      }
      std::vector<double> step = jtr;
      bool solved = cholesky(damped, n, l);
      if (solved) cholesky_solve(l, n, step);
      std::vector<double> trial = p;
      double largest_relative_step = 0.0;
      for (std::size_t j = 0; j < n && solved; ++j) {
        trial[j] += step[j];
        largest_relative_step =
            std::max(largest_relative_step, std::abs(step[j]) / std::max(std::abs(p[j]), 1e-3));
      }
      Evaluation next = solved ? evaluate(model, trial, y, sigma, buffer) : Evaluation{};
      if (next.ok && next.chi_square <= current.chi_square) {
        const double decrease = current.chi_square - next.chi_square;
        p = trial;
        current = std::move(next);
        lambda = std::max(lambda / 10.0, 1e-12);
        fit.converged = decrease <= options.relative_tolerance * current.chi_square ||
                        largest_relative_step <= options.relative_tolerance;
        break;
      }
      lambda *= 10.0;
      if (lambda > 1e16) {
        // No step of any length lowers chi^2: p is the minimum to the
        // precision the model's values allow.
        fit.converged = true;
        break;
      }
    }
  }

  normal_equations(weighted_jacobian(model, p, sigma, options), current.weighted_residuals, n, jtj,
                   jtr);
  fit.parameters = p;
  fit.covariance = covariance_of_determined(jtj, n);
  fit.chi_square = current.chi_square;
  return fit;
}

}  // namespace filmtherm
