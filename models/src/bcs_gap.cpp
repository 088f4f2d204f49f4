#include "filmtherm/bcs_gap.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <utility>
#include <vector>

#include <boost/math/interpolators/cubic_hermite.hpp>
#include <boost/math/special_functions/bessel.hpp>

#include "filmtherm/constants.h"
#include "superconductor_tables.h"

// Generated at build time by models/tools/generate_superconductor_tables.cpp from
// detail::bcs_gap_squared_nodes(): constexpr arrays generated::bcs_gap_squared_values and
// generated::bcs_gap_squared_slopes (models/CMakeLists.txt).
#include "bcs_gap_table.inc"

namespace filmtherm {

namespace {

using detail::checked_reduced_temperature;
using detail::table_step_y;
using detail::table_t_min;

constexpr double a = bcs_gap_ratio;

static_assert(std::size(generated::bcs_gap_squared_values) == detail::table_nodes &&
              std::size(generated::bcs_gap_squared_slopes) == detail::table_nodes);

BcsReducedGap low_temperature_gap(double reduced_temperature) {
  if (reduced_temperature == 0.0) return {1.0, 0.0};
  // -ln s = F(a s/t) ~ 2 K_0(a/t): the n = 1 term of F = 2 sum (-1)^(n+1) K_0(n delta).
  const double delta = a / reduced_temperature;
  const double reduced_gap = std::exp(-2.0 * boost::math::cyl_bessel_k(0, delta));
  const double slope = -4.0 * a * boost::math::cyl_bessel_k(1, delta) * reduced_gap * reduced_gap /
                       (reduced_temperature * reduced_temperature);
  return {reduced_gap, slope};
}

struct GapTable {
  boost::math::interpolators::cardinal_cubic_hermite<std::vector<double>> gap_squared_of_y;
  double y_last;
};

GapTable load_gap_table() {
  std::vector<double> gap_squared(std::begin(generated::bcs_gap_squared_values),
                                  std::end(generated::bcs_gap_squared_values));
  std::vector<double> gap_squared_dy(std::begin(generated::bcs_gap_squared_slopes),
                                     std::end(generated::bcs_gap_squared_slopes));
  GapTable table{{std::move(gap_squared), std::move(gap_squared_dy), 0.0, table_step_y}, 0.0};
  table.y_last = table.gap_squared_of_y.domain().second;
  return table;
}

const GapTable& gap_table() {
  static const GapTable table = load_gap_table();
  return table;
}

}  // namespace

BcsReducedGap bcs_reduced_gap_state(double reduced_temperature) {
  const double t = checked_reduced_temperature(reduced_temperature);
  if (t >= 1.0) return {0.0, 0.0};
  if (t <= table_t_min) return low_temperature_gap(t);
  const GapTable& table = gap_table();
  const double y = std::min(-std::log(t), table.y_last);
  const double gap_squared = std::max(0.0, table.gap_squared_of_y(y));
  return {std::sqrt(gap_squared), -table.gap_squared_of_y.prime(y) / t};
}

double bcs_reduced_gap(double reduced_temperature) {
  return bcs_reduced_gap_state(reduced_temperature).reduced_gap;
}

double bcs_reduced_gap_squared_slope(double reduced_temperature) {
  return bcs_reduced_gap_state(reduced_temperature).reduced_gap_squared_slope;
}

Energy bcs_gap(Temperature temperature, Temperature critical_temperature) {
  const double critical_K = critical_temperature.value();
  if (!(critical_K > 0.0) || !std::isfinite(critical_K)) {
    throw std::domain_error("BCS gap: critical temperature must be positive and finite");
  }
  const double reduced_gap = bcs_reduced_gap(temperature.value() / critical_K);
  return from_si<Energy>(a * si_constants::boltzmann_J_per_K * critical_K * reduced_gap);
}

}  // namespace filmtherm
