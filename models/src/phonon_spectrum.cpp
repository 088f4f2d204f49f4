#include "filmtherm/phonon_spectrum.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>

#include "filmtherm/constants.h"

namespace filmtherm {

namespace {
constexpr double pi = std::numbers::pi;
constexpr double infinity = std::numeric_limits<double>::infinity();

double require_positive_finite(double value, const std::string& what, const char* unit) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    std::ostringstream message;
    message << what << " must be positive and finite (got " << value << ' ' << unit << ')';
    throw std::invalid_argument(message.str());
  }
  return value;
}

void require_valid(const AcousticBranches& branches) {
  require_positive_finite(branches.longitudinal.value(), "longitudinal sound velocity", "m/s");
  require_positive_finite(branches.transverse.value(), "transverse sound velocity", "m/s");
}

// docs/physics.md section 1. Modes per branch = allowed k-space volume / (2 pi)^3 (Eq. 1).
// Bulk: 4 pi k_D^3/3. Film: below k_x = 2 pi/d the allowed volume is d k^4/2 (Eq. 11);
// above k_x whole shells are allowed, so the two hole pockets (spheres of radius pi/d)
// have removed 4 pi k_x^3/3 - d k_x^4/2 = (8/3) pi^4/d^3 for good. Equal counts:
//   k' >= k_x: 4 pi k'^3/3 - (8/3) pi^4/d^3 = 4 pi k_D^3/3  =>  k'^3 = k_D^3 + 2 pi^3/d^3,
//   k' <  k_x: d k'^4/2 = 4 pi k_D^3/3                    =>  k'^4 = 8 pi k_D^3/(3 d).
// Both give k' = k_x at k_D^3 = 6 pi^3/d^3, so that is where the cases meet (not at
// k_D = k_x: a bulk sphere slightly smaller than k_x already needs k' above it).
double mode_conserving_wavenumber_si(double debye_wavenumber, double thickness) {
  const double debye_cube = debye_wavenumber * debye_wavenumber * debye_wavenumber;
  const double pi_over_d_cube = (pi / thickness) * (pi / thickness) * (pi / thickness);
  // k' >= 2 pi/d exactly when k_D^3 + 2 pi^3/d^3 >= 8 pi^3/d^3.
  if (debye_cube >= 6.0 * pi_over_d_cube) return std::cbrt(debye_cube + 2.0 * pi_over_d_cube);
  return std::pow(8.0 * pi * debye_cube / (3.0 * thickness), 0.25);
}

double cutoff_wavenumber_si(const PhononCutoff& cutoff, double velocity) {
  switch (cutoff.kind()) {
    case PhononCutoff::Kind::none:
      return infinity;
    case PhononCutoff::Kind::debye_temperature:
      return cutoff.debye_temperature().value() / (si_constants::hbar_over_kB_K_s * velocity);
    case PhononCutoff::Kind::atom_number_density:
      return debye_wavenumber(cutoff.atom_number_density()).value();
  }
  return infinity;
}
}  // namespace

AcousticBranches AcousticBranches::isotropic(Velocity sound_velocity) {
  return AcousticBranches{sound_velocity, sound_velocity};
}

std::array<Velocity, acoustic_branch_count> branch_velocities(const AcousticBranches& branches) {
  return {branches.longitudinal, branches.transverse, branches.transverse};
}

Velocity debye_average_velocity(const AcousticBranches& branches) {
  require_valid(branches);
  const double inverse_cube_sum = 1.0 / std::pow(branches.longitudinal.value(), 3) +
                                  2.0 / std::pow(branches.transverse.value(), 3);
  return from_si<Velocity>(std::cbrt(3.0 / inverse_cube_sum));
}

Velocity film_average_velocity(const AcousticBranches& branches) {
  require_valid(branches);
  const double inverse_fourth_sum = 1.0 / std::pow(branches.longitudinal.value(), 4) +
                                    2.0 / std::pow(branches.transverse.value(), 4);
  return from_si<Velocity>(std::pow(3.0 / inverse_fourth_sum, 0.25));
}

PhononCutoff PhononCutoff::none() {
  return PhononCutoff{};
}

PhononCutoff PhononCutoff::from_debye_temperature(Temperature debye_temperature) {
  PhononCutoff cutoff;
  cutoff.kind_ = Kind::debye_temperature;
  cutoff.value_si_ = require_positive_finite(debye_temperature.value(), "Debye temperature", "K");
  return cutoff;
}

PhononCutoff PhononCutoff::from_atom_number_density(NumberDensity atom_number_density) {
  PhononCutoff cutoff;
  cutoff.kind_ = Kind::atom_number_density;
  cutoff.value_si_ =
      require_positive_finite(atom_number_density.value(), "atom number density", "m^-3");
  return cutoff;
}

Temperature PhononCutoff::debye_temperature() const {
  if (kind_ != Kind::debye_temperature) {
    throw std::logic_error("PhononCutoff: this cutoff is not set by a Debye temperature");
  }
  return from_si<Temperature>(value_si_);
}

NumberDensity PhononCutoff::atom_number_density() const {
  if (kind_ != Kind::atom_number_density) {
    throw std::logic_error("PhononCutoff: this cutoff is not set by an atom number density");
  }
  return from_si<NumberDensity>(value_si_);
}

AngularFrequency crossover_frequency(Velocity sound_velocity, Length film_thickness) {
  const double velocity = require_positive_finite(sound_velocity.value(), "sound velocity", "m/s");
  const double thickness = require_positive_finite(film_thickness.value(), "film thickness", "m");
  return from_si<AngularFrequency>(2.0 * pi * velocity / thickness);
}

Temperature crossover_temperature(Velocity sound_velocity, Length film_thickness) {
  return from_si<Temperature>(si_constants::hbar_over_kB_K_s *
                              crossover_frequency(sound_velocity, film_thickness).value());
}

Wavenumber debye_wavenumber(NumberDensity atom_number_density) {
  const double density =
      require_positive_finite(atom_number_density.value(), "atom number density", "m^-3");
  return from_si<Wavenumber>(std::cbrt(6.0 * pi * pi * density));
}

Wavenumber mode_conserving_wavenumber(Wavenumber bulk_debye_wavenumber, Length film_thickness) {
  return from_si<Wavenumber>(mode_conserving_wavenumber_si(
      require_positive_finite(bulk_debye_wavenumber.value(), "Debye wavenumber", "m^-1"),
      require_positive_finite(film_thickness.value(), "film thickness", "m")));
}

PhononSpectrum PhononSpectrum::bulk(const AcousticBranches& branches, const PhononCutoff& cutoff) {
  require_valid(branches);
  PhononSpectrum spectrum;
  spectrum.film_thickness_m_ = infinity;
  const auto velocities = branch_velocities(branches);
  for (std::size_t b = 0; b < acoustic_branch_count; ++b) {
    const double velocity = velocities[b].value();
    spectrum.velocity_m_per_s_[b] = velocity;
    spectrum.crossover_rad_per_s_[b] = 0.0;
    spectrum.cutoff_rad_per_s_[b] = velocity * cutoff_wavenumber_si(cutoff, velocity);
  }
  return spectrum;
}

PhononSpectrum PhononSpectrum::film(const PhononParameters& parameters) {
  require_valid(parameters.branches);
  const double thickness =
      require_positive_finite(parameters.film_thickness.value(), "film thickness", "m");
  PhononSpectrum spectrum;
  spectrum.is_film_ = true;
  spectrum.film_thickness_m_ = thickness;
  const auto velocities = branch_velocities(parameters.branches);
  for (std::size_t b = 0; b < acoustic_branch_count; ++b) {
    const double velocity = velocities[b].value();
    double cutoff_wavenumber = cutoff_wavenumber_si(parameters.cutoff, velocity);
    if (parameters.conserve_mode_count && std::isfinite(cutoff_wavenumber)) {
      cutoff_wavenumber = mode_conserving_wavenumber_si(cutoff_wavenumber, thickness);
    }
    spectrum.velocity_m_per_s_[b] = velocity;
    spectrum.crossover_rad_per_s_[b] = 2.0 * pi * velocity / thickness;
    spectrum.cutoff_rad_per_s_[b] = velocity * cutoff_wavenumber;
  }
  return spectrum;
}

void PhononSpectrum::check_branch(std::size_t branch) const {
  if (branch >= acoustic_branch_count) {
    throw std::out_of_range("PhononSpectrum: branch index " + std::to_string(branch) +
                            " out of range (0 = L, 1 and 2 = T)");
  }
}

Length PhononSpectrum::film_thickness() const {
  return from_si<Length>(film_thickness_m_);
}

Velocity PhononSpectrum::sound_velocity(std::size_t branch) const {
  check_branch(branch);
  return from_si<Velocity>(velocity_m_per_s_[branch]);
}

AngularFrequency PhononSpectrum::crossover_frequency(std::size_t branch) const {
  check_branch(branch);
  return from_si<AngularFrequency>(crossover_rad_per_s_[branch]);
}

AngularFrequency PhononSpectrum::cutoff_frequency(std::size_t branch) const {
  check_branch(branch);
  return from_si<AngularFrequency>(cutoff_rad_per_s_[branch]);
}

Wavenumber PhononSpectrum::cutoff_wavenumber(std::size_t branch) const {
  check_branch(branch);
  return from_si<Wavenumber>(cutoff_rad_per_s_[branch] / velocity_m_per_s_[branch]);
}

SpectralModeDensity PhononSpectrum::density_of_states(std::size_t branch,
                                                      AngularFrequency frequency) const {
  check_branch(branch);
  const double w = frequency.value();
  if (!(w >= 0.0) || w > cutoff_rad_per_s_[branch]) return from_si<SpectralModeDensity>(0.0);
  const double v = velocity_m_per_s_[branch];
  double g = w * w / (2.0 * pi * pi * v * v * v);  // Eq. 3
  if (is_film_ && w < crossover_rad_per_s_[branch]) g *= w / crossover_rad_per_s_[branch];
  return from_si<SpectralModeDensity>(g);
}

SpectralModeDensity PhononSpectrum::density_of_states(AngularFrequency frequency) const {
  SpectralModeDensity total = from_si<SpectralModeDensity>(0.0);
  for (std::size_t b = 0; b < acoustic_branch_count; ++b) {
    total += density_of_states(b, frequency);
  }
  return total;
}

NumberDensity PhononSpectrum::mode_count(std::size_t branch) const {
  check_branch(branch);
  const double k = cutoff_rad_per_s_[branch] / velocity_m_per_s_[branch];
  if (!std::isfinite(k)) return from_si<NumberDensity>(infinity);
  // One state per (2 pi)^3 of k-space volume (Eq. 1).
  const double bulk_count = k * k * k / (6.0 * pi * pi);
  if (!is_film_) return from_si<NumberDensity>(bulk_count);
  const double d = film_thickness_m_;
  if (k <= 2.0 * pi / d) return from_si<NumberDensity>(d * k * k * k * k / (16.0 * pi * pi * pi));
  return from_si<NumberDensity>(bulk_count - pi / (3.0 * d * d * d));
}

NumberDensity PhononSpectrum::mode_count() const {
  NumberDensity total = from_si<NumberDensity>(0.0);
  for (std::size_t b = 0; b < acoustic_branch_count; ++b) total += mode_count(b);
  return total;
}

}  // namespace filmtherm
