// Powers x^p whose exponent p is a run-time parameter that is usually a small integer: the
// boundary law's q = 4 (and q - 1 = 3 in its slope), the T^3 phonon law, the electron-phonon
// m = p + 2 = 5. glibc's std::pow costs ~9 ns here whatever p is, x2*x2 about 0.5 ns, and pow
// was 17% of a wire run's time (docs/performance.md). A FixedExponentPower decides once, when
// it is built, whether p is an integer in [0, max_small_integer_exponent]; then every call
// multiplies, else it calls std::pow. Accuracy: x^n from n - 1 rounded products is within
// (n - 1) 2^-53 relative of the exact power, i.e. under n - 1 <= 4 ulp, and glibc's pow is within
// 1 ulp; tests/models/test_integer_powers.cpp measures both against 50-digit arithmetic and
// their difference (<= 4 ulp).
#pragma once

#include <cmath>

namespace filmtherm {

/// The largest exponent that FixedExponentPower multiplies out.
inline constexpr int max_small_integer_exponent = 5;

/// x^n by multiplication for 0 <= n <= max_small_integer_exponent (x^0 = 1, also for x = 0,
/// infinite or NaN, as std::pow); std::pow(x, n) for any other n.
inline double small_integer_power(double x, int n) noexcept {
  switch (n) {
    case 0:
      return 1.0;
    case 1:
      return x;
    case 2:
      return x * x;
    case 3:
      return x * x * x;
    case 4: {
      const double x2 = x * x;
      return x2 * x2;
    }
    case 5: {
      const double x2 = x * x;
      return x2 * x2 * x;
    }
    default:
      return std::pow(x, n);
  }
}

/// x^p for an exponent p fixed at construction: by multiplication when p is an integer in
/// [0, max_small_integer_exponent], by std::pow(x, p) otherwise. Cheap to copy.
class FixedExponentPower {
 public:
  /// Any p is allowed; only integers in [0, max_small_integer_exponent] take the fast path.
  explicit FixedExponentPower(double exponent) noexcept
      : exponent_(exponent), small_integer_(small_integer_or_minus_one(exponent)) {}

  /// p.
  double exponent() const noexcept { return exponent_; }
  /// Whether calls multiply instead of calling std::pow.
  bool multiplies() const noexcept { return small_integer_ >= 0; }

  /// x^p.
  double operator()(double x) const noexcept {
    return small_integer_ >= 0 ? small_integer_power(x, small_integer_) : std::pow(x, exponent_);
  }

 private:
  static int small_integer_or_minus_one(double exponent) noexcept {
    if (!(exponent >= 0.0) || !(exponent <= max_small_integer_exponent)) return -1;
    const int n = static_cast<int>(exponent);
    return static_cast<double>(n) == exponent ? n : -1;
  }

  double exponent_;
  int small_integer_;  // -1: std::pow
};

}  // namespace filmtherm
