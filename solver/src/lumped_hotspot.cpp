// The lumped normal-domain hotspot (filmtherm/lumped_hotspot.h): its
// constants from the device's material models, the closed-form motion of the
// domain's ends under a current linear in time, and the step cap.
#include "filmtherm/lumped_hotspot.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <limits>
#include <utility>

namespace filmtherm {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

// v/v0 as a function of u = sqrt(psi) |I| / I_sw (Skocpol, Beasley and
// Tinkham 1974; Berggren et al. 2018): (u^2 - 2) / sqrt(u^2 - 1), u > 1.
double reduced_velocity(double u) {
  return (u * u - 2.0) / std::sqrt(u * u - 1.0);
}

// Its antiderivative in u, F(u) = (u sqrt(u^2 - 1) - 3 acosh u) / 2: with the
// current linear in time, u is too, and the length moved over a piece is
// 2 v0 (F(u_b) - F(u_a)) / (du/dt). F is finite at u = 1 (F(1) = 0), so the
// integral reaches the collapse although v does not.
double velocity_antiderivative(double u) {
  const double root = std::sqrt(std::max(u * u - 1.0, 0.0));
  return 0.5 * (u * root - 3.0 * std::acosh(std::max(u, 1.0)));
}

// The mean of v/v0 over u in [a, b] (both >= 1, one above 1): the
// antiderivative's divided difference, or, where b - a is small against the
// distance to the singularity at u = 1 (there the difference would cancel),
// 4-point Gauss-Legendre, whose error (du/(u - 1))^8 is then below rounding.
double mean_reduced_velocity(double a, double b) {
  const double du = b - a;
  if (std::abs(du) <= 1e-2 * (std::min(a, b) - 1.0)) {
    static constexpr std::array<double, 4> node{-0.8611363115940526, -0.3399810435848563,
                                                0.3399810435848563, 0.8611363115940526};
    static constexpr std::array<double, 4> weight{0.3478548451374538, 0.6521451548625461,
                                                  0.6521451548625461, 0.3478548451374538};
    double sum = 0.0;
    for (std::size_t k = 0; k < node.size(); ++k) {
      sum += weight[k] * reduced_velocity(0.5 * (a + b) + 0.5 * du * node[k]);
    }
    return 0.5 * sum;
  }
  return (velocity_antiderivative(b) - velocity_antiderivative(a)) / du;
}

/// The host's current over a step: I(t) = I0 + slope (t - t0).
struct CurrentLine {
  double start_s;
  double start_A;
  double slope_A_per_s;
  double at(double time_s) const { return start_A + slope_A_per_s * (time_s - start_s); }
};

// Moves the domain from s.time_s to end_s under `line`. The step is cut where
// psi i^2 crosses 1 (collapse) or 2 (v changes sign): within a piece v has one
// sign and l is monotone, so the ceiling l <= L applies at the piece's end and
// a shrinking domain's end l = 0 is the one root of a monotone function.
// `excursion` (when given) receives the largest |l - l_start| of the motion up
// to the end or the collapse (not counting the collapse's jump to zero).
void propagate(const LumpedHotspotConstants& k, LumpedHotspotWire::State& s,
               const CurrentLine& line, double end_s, double* excursion = nullptr) {
  const double start_m = s.length_m;
  auto note = [&] {
    if (excursion) *excursion = std::max(*excursion, std::abs(s.length_m - start_m));
  };
  auto collapse = [&](double time_s) {
    s.collapsed = true;
    s.length_m = 0.0;
    s.collapse_time_s = time_s;
  };
  if (s.collapsed) {
    s.time_s = end_s;
    return;
  }
  // Cuts where |I| passes I_ss (psi i^2 = 1) or I_mp (= 2); `true` marks I_ss.
  std::array<std::pair<double, bool>, 5> cuts{};
  std::size_t count = 0;
  if (line.slope_A_per_s != 0.0) {
    for (const auto& [target_A, minimum] :
         {std::pair{k.minimum_current_A, true}, std::pair{k.propagation_current_A, false}}) {
      for (const double sign : {1.0, -1.0}) {
        const double t = line.start_s + (sign * target_A - line.start_A) / line.slope_A_per_s;
        if (t > s.time_s && t < end_s) cuts[count++] = {t, minimum};
      }
    }
  }
  // At most four: insertion sort (std::sort trips GCC's array-bounds warning here).
  for (std::size_t i = 1; i < count; ++i) {
    for (std::size_t j = i; j > 0 && cuts[j].first < cuts[j - 1].first; --j) {
      std::swap(cuts[j], cuts[j - 1]);
    }
  }
  cuts[count++] = {end_s, false};

  const double two_v0 = 2.0 * k.velocity_scale_m_per_s;
  double from_s = s.time_s;
  for (std::size_t c = 0; c < count; ++c) {
    const double to_s = cuts[c].first;
    const double from_u = k.reduced_current(line.at(from_s));
    if (from_u <= 1.0) {  // psi i^2 <= 1: no normal domain can stand (Stekly)
      collapse(from_s);
      break;
    }
    const bool to_minimum = cuts[c].second;  // |I| falls onto I_ss at to_s
    const double to_u = to_minimum ? 1.0 : std::max(k.reduced_current(line.at(to_s)), 1.0);
    const double moved_m = two_v0 * (to_s - from_s) * mean_reduced_velocity(from_u, to_u);
    ++s.pieces;
    if (moved_m >= 0.0) {
      s.length_m = std::min(k.wire_length_m, s.length_m + moved_m);
    } else if (s.length_m + moved_m > 0.0) {
      s.length_m += moved_m;
    } else {
      // The domain shrinks away within the piece: where l(t) = 0.
      const double length_m = s.length_m;
      auto remaining = [&](double t) {
        if (t <= from_s) return length_m;
        const double u = std::max(k.reduced_current(line.at(t)), 1.0);
        return length_m + two_v0 * (t - from_s) * mean_reduced_velocity(from_u, u);
      };
      std::uintmax_t iterations = 100;
      const auto bracket = boost::math::tools::toms748_solve(
          remaining, from_s, to_s, length_m, s.length_m + moved_m,
          boost::math::tools::eps_tolerance<double>(std::numeric_limits<double>::digits - 3),
          iterations);
      s.length_m = 0.0;
      note();
      collapse(0.5 * (bracket.first + bracket.second));
      break;
    }
    note();
    if (to_minimum) {
      collapse(to_s);
      break;
    }
    from_s = to_s;
  }
  // A step that ends exactly at psi i^2 = 1 (no cut inside it) ends the domain there.
  if (!s.collapsed && k.reduced_current(line.at(end_s)) <= 1.0) collapse(end_s);
  s.time_s = end_s;
}

}  // namespace

double LumpedHotspotConstants::reduced_current(double current_A) const noexcept {
  return std::sqrt(stekly_parameter) * std::abs(current_A) / switching_current_A;
}

double LumpedHotspotConstants::front_velocity_m_per_s(double current_A) const noexcept {
  const double u = reduced_current(current_A);
  if (u <= 1.0) return -infinity;
  return velocity_scale_m_per_s * reduced_velocity(u);
}

LumpedHotspotConstants lumped_hotspot_constants(const WireMaterials& materials,
                                                const WireParameters& p,
                                                const PhotonDeposit& photon) {
  LumpedHotspotConstants k;
  const double tc = p.critical_temperature_K;
  const double bath = p.substrate_temperature_K;
  const double d = p.thickness_m;
  const double window = tc - bath;
  if (!(window > 0.0)) {
    throw std::domain_error(
        fmt::format("the lumped hotspot needs the substrate ({} K) below T_c ({} K)", bath, tc));
  }
  k.critical_temperature_K = tc;
  k.substrate_temperature_K = bath;
  // Secant (enthalpy-averaged) heat capacity: the energy that takes the film
  // from T_sub to T_c, per kelvin. The energy integrals are the models' own,
  // so a confined phonon spectrum (C_ph ~ d T^4) enters as it is.
  const HeatCapacityPoint electrons_tc = materials.electron_heat_capacity.evaluate_si(tc);
  const HeatCapacityPoint electrons_bath = materials.electron_heat_capacity.evaluate_si(bath);
  const HeatCapacityPoint phonons_tc = materials.phonon_heat_capacity.evaluate_si(tc, d);
  const HeatCapacityPoint phonons_bath = materials.phonon_heat_capacity.evaluate_si(bath, d);
  k.heat_capacity_J_per_m3_K = (electrons_tc.energy_density - electrons_bath.energy_density +
                                phonons_tc.energy_density - phonons_bath.energy_density) /
                               window;
  // The escape model's power at T_c as a conductance per area: the secant of
  // the loss over the same window (for a boundary law (sigma_b/d)(T^q - T_b^q)
  // it is sigma_b (T_c^q - T_b^q)/(T_c - T_b)).
  const PowerPoint escape = materials.phonon_escape_power.evaluate_si(
      tc, bath, d, phonons_tc.heat_capacity, phonons_tc.heat_capacity_slope);
  k.heat_transfer_W_per_m2_K = d * escape.power_density / window;
  // kappa's mean over the window: the Kirchhoff transform's secant.
  auto conductivity = [&](double t) { return materials.thermal_conductivity.evaluate_si(t).first; };
  k.thermal_conductivity_W_per_m_K = boost::math::quadrature::gauss_kronrod<double, 15>::integrate(
                                         conductivity, bath, tc, 10, 1e-12) /
                                     window;
  for (const auto& [value, name] :
       {std::pair{k.heat_capacity_J_per_m3_K, "the secant heat capacity c"},
        {k.heat_transfer_W_per_m2_K,
         "the heat transfer coefficient h = d P_esc(T_c)/(T_c - T_sub)"},
        {k.thermal_conductivity_W_per_m_K, "the mean thermal conductivity kappa"}}) {
    if (!(value > 0.0) || !std::isfinite(value)) {
      throw std::domain_error(fmt::format(
          "the lumped hotspot needs {} positive and finite; the device's models give {}", name,
          value));
    }
  }
  k.switching_current_A = p.critical_current_A_at(bath);
  k.stekly_parameter = p.normal_resistivity_Ohm_m * k.switching_current_A * k.switching_current_A /
                       (k.heat_transfer_W_per_m2_K * p.width_m * p.width_m * d * window);
  k.velocity_scale_m_per_s =
      std::sqrt(k.heat_transfer_W_per_m2_K * k.thermal_conductivity_W_per_m_K / d) /
      k.heat_capacity_J_per_m3_K;
  k.minimum_current_A = k.switching_current_A / std::sqrt(k.stekly_parameter);
  k.propagation_current_A = k.switching_current_A * std::sqrt(2.0 / k.stekly_parameter);
  // The 1D wire's belt: the photon's hotspot volume over the cross-section.
  k.initial_length_m = photon.hotspot_volume_m3 / p.cross_section_m2();
  k.wire_length_m = p.length_m;
  if (!(k.initial_length_m > 0.0) || k.initial_length_m > k.wire_length_m) {
    throw std::domain_error(fmt::format(
        "the photon's hotspot ({:.4g} nm long as a belt across the strip) must fit in the "
        "wire ({:.4g} nm)",
        k.initial_length_m * 1e9, k.wire_length_m * 1e9));
  }
  // Does the photon switch its belt? The 1D wire's criterion in energy: the
  // belt's content must reach U(T*(I_b)), U = U_e + U_ph (one temperature).
  auto content = [&](double t) {
    return materials.electron_heat_capacity.evaluate_si(t).energy_density +
           materials.phonon_heat_capacity.evaluate_si(t, d).energy_density;
  };
  const double bath_content = electrons_bath.energy_density + phonons_bath.energy_density;
  k.photon_energy_density_J_per_m3 =
      photon.initial_electron_temperature_K > 0.0
          ? content(photon.initial_electron_temperature_K) - bath_content
          : photon.absorbed_energy_density();
  k.switching_energy_density_J_per_m3 =
      content(p.switching_temperature_K(p.bias_current_A)) - bath_content;
  k.resistance_per_length_Ohm_per_m = p.normal_resistivity_Ohm_m / p.cross_section_m2();
  k.load_resistance_Ohm = p.load_resistance_Ohm;
  k.start_time_s = photon.arrival_time_s;
  return k;
}

LumpedHotspotWire::LumpedHotspotWire(const Device& device, const PluginRegistry& registry)
    : LumpedHotspotWire([&] {
        const WireMaterials materials = instantiate_wire_materials(device, registry);
        return lumped_hotspot_constants(materials, WireParameters::from_device(device, 3),
                                        PhotonDeposit::from_device(device));
      }()) {}

LumpedHotspotWire::LumpedHotspotWire(const LumpedHotspotConstants& constants)
    : constants_(constants) {
  state_.time_s = constants.start_time_s;
  state_.length_m = constants.initial_length_m;
  if (constants.photon_energy_density_J_per_m3 < constants.switching_energy_density_J_per_m3) {
    // Too little energy to switch the belt: the wire stays superconducting.
    state_.length_m = 0.0;
    state_.collapsed = true;
    state_.collapse_time_s = constants.start_time_s;
  }
  saved_ = state_;
}

void LumpedHotspotWire::advance(double end_time_s, double start_current_A, double end_current_A) {
  const double start_s = state_.time_s;
  if (!(end_time_s > start_s) || !std::isfinite(end_time_s)) {
    throw std::invalid_argument(fmt::format(
        "the hotspot can only go forward: it is at {} s, asked for {} s", start_s, end_time_s));
  }
  if (!std::isfinite(start_current_A) || !std::isfinite(end_current_A)) {
    throw std::invalid_argument("the current driving the hotspot must be finite");
  }
  const CurrentLine line{start_s, start_current_A,
                         (end_current_A - start_current_A) / (end_time_s - start_s)};
  propagate(constants_, state_, line, end_time_s);
}

LumpedHotspotObservation LumpedHotspotWire::observe() const {
  LumpedHotspotObservation o;
  o.time_s = state_.time_s;
  o.hotspot_length_m = state_.length_m;
  o.hotspot_resistance_Ohm = constants_.resistance_per_length_Ohm_per_m * state_.length_m;
  o.collapsed = state_.collapsed;
  o.collapse_time_s = state_.collapse_time_s;
  return o;
}

double LumpedHotspotWire::max_step_s(double current_A, double current_rate_A_per_s,
                                     double relative_change) const {
  if (state_.collapsed) return infinity;
  const LumpedHotspotConstants& k = constants_;
  const double per_m = k.resistance_per_length_Ohm_per_m;
  // The length whose resistance is relative_change (R_hs + R_L).
  const double allowed_m =
      relative_change * (per_m * state_.length_m + k.load_resistance_Ohm) / per_m;
  const CurrentLine line{state_.time_s, current_A, current_rate_A_per_s};
  // The motion over a trial step at the present rate: its largest excursion
  // (which grows with the step) and whether, and when, the domain collapses.
  auto predict = [&](double step_s, double& excursion_m) {
    State s = state_;
    excursion_m = 0.0;
    propagate(k, s, line, state_.time_s + step_s, &excursion_m);
    return s.collapse_time_s;
  };
  // The time the ends take to move the allowance at v0: the natural scale.
  const double natural_s = allowed_m / (2.0 * k.velocity_scale_m_per_s);
  const double speed = std::abs(k.front_velocity_m_per_s(current_A));
  if (!std::isfinite(speed)) return natural_s;  // psi i^2 <= 1: any step ends the domain
  const double scale_s = allowed_m / (2.0 * std::max(speed, 1e-3 * k.velocity_scale_m_per_s));
  double excursion_m = 0.0;
  double low_s = 0.0;
  double high_s = scale_s;
  std::optional<double> collapse_s = predict(high_s, excursion_m);
  for (int i = 0; excursion_m <= allowed_m && !collapse_s; ++i) {
    if (i == 80) return infinity;  // nothing moves within 2^80 of the natural time
    low_s = high_s;
    high_s *= 2.0;
    collapse_s = predict(high_s, excursion_m);
  }
  if (collapse_s) {
    const double to_collapse_s = *collapse_s - state_.time_s;
    double before_m = 0.0;
    predict(to_collapse_s, before_m);
    // The motion up to the collapse keeps to the allowance: land just past
    // the collapse, so that no step carries the domain's resistance over it.
    // (Not below 1e-3 of the natural scale: a collapse a few femtoseconds
    // ahead is not worth a step of that size.)
    if (before_m <= allowed_m) return std::max(1.001 * to_collapse_s, 1e-3 * natural_s);
    high_s = std::min(high_s, to_collapse_s);
    low_s = std::min(low_s, high_s);
  }
  // The excursion grows monotonically with the step: bisect to 1e-4 of it.
  for (int i = 0; i < 200 && high_s - low_s > 1e-4 * high_s; ++i) {
    const double middle_s = 0.5 * (low_s + high_s);
    predict(middle_s, excursion_m);
    (excursion_m <= allowed_m ? low_s : high_s) = middle_s;
  }
  return low_s > 0.0 ? low_s : 0.5 * high_s;
}

void LumpedHotspotWire::save() {
  saved_ = state_;
}

void LumpedHotspotWire::restore() {
  const long pieces = state_.pieces;
  state_ = saved_;
  state_.pieces = pieces;  // the work done stays counted
}

}  // namespace filmtherm
