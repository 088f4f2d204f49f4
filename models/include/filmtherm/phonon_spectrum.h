// Phonon spectrum of a bulk solid and of a confined thin film (docs/physics.md section 1,
// paper Eqs. 3 and 10-14): three acoustic branches (L, T, T) with linear dispersion
// w = v_i k; their Debye (3/v^3) and film-law (3/v^4) velocity averages; the crossover
// frequency w_x,i = 2 pi v_i / d below which the film's k-space shells are partly
// forbidden (hole pockets) and the VDOS turns from w^2 to w^3; the Debye cutoff, taken
// from a Debye temperature or from the atom number density, optionally raised so that
// the film keeps the bulk's number of modes per branch; and the vibrational density of
// states per branch and in total, per unit volume, with its mode count. Typed API
// (Boost.Units quantities); the heat-capacity models in phonon_heat_capacity.h build on
// the same spectrum.
#pragma once

#include <array>
#include <cstddef>

#include "filmtherm/units.h"

namespace filmtherm {

namespace units {
using spectral_mode_density_dimension =
    bu::derived_dimension<bu::length_base_dimension, -3, bu::time_base_dimension, 1>::type;
}  // namespace units

/// Modes per unit volume per unit angular frequency, s m^-3 (m^-3 per rad/s): g(w).
using SpectralModeDensity = Quantity<units::si_unit<units::spectral_mode_density_dimension>>;

/// Number of acoustic branches of a 3D solid: one longitudinal, two transverse.
inline constexpr std::size_t acoustic_branch_count = 3;

/// Sound velocities of the three acoustic branches (L, T, T), each with linear
/// dispersion w = v k up to the cutoff.
struct AcousticBranches {
  Velocity longitudinal;
  Velocity transverse;  ///< shared by both transverse branches

  /// The paper's single average velocity v for all three branches.
  static AcousticBranches isotropic(Velocity sound_velocity);
};

/// The three branch velocities in order (v_L, v_T, v_T); branch index b = 0, 1, 2
/// everywhere in this header.
std::array<Velocity, acoustic_branch_count> branch_velocities(const AcousticBranches& branches);

/// Debye average v_D: 3/v_D^3 = 1/v_L^3 + 2/v_T^3 (the bulk T^3 law, Eq. 9, sees it).
Velocity debye_average_velocity(const AcousticBranches& branches);

/// Film-law average v_f: 3/v_f^4 = 1/v_L^4 + 2/v_T^4 (the confined T^4 law, Eq. 20, sees it).
Velocity film_average_velocity(const AcousticBranches& branches);

/// Where the spectrum ends. Default-constructed: no cutoff (infinite, for the
/// low-temperature laws). Factories throw std::invalid_argument unless the value is
/// positive and finite.
class PhononCutoff {
 public:
  enum class Kind { none, debye_temperature, atom_number_density };

  PhononCutoff() = default;
  static PhononCutoff none();
  /// hbar w_D = k_B Theta: the same cutoff frequency w_D for every branch.
  static PhononCutoff from_debye_temperature(Temperature debye_temperature);
  /// k_D = (6 pi^2 n)^(1/3): the same cutoff wavenumber for every branch, so that each
  /// branch holds n modes per unit volume; w_D,i = v_i k_D.
  static PhononCutoff from_atom_number_density(NumberDensity atom_number_density);

  Kind kind() const { return kind_; }
  /// Throws std::logic_error unless kind() == Kind::debye_temperature.
  Temperature debye_temperature() const;
  /// Throws std::logic_error unless kind() == Kind::atom_number_density.
  NumberDensity atom_number_density() const;

 private:
  Kind kind_ = Kind::none;
  double value_si_ = 0.0;
};

/// Everything that fixes a phonon model: branches, film thickness d, cutoff, and whether
/// the cutoff is raised to keep the bulk mode count in the film. Which fields a model
/// reads is stated on the model.
struct PhononParameters {
  AcousticBranches branches;
  Length film_thickness;
  PhononCutoff cutoff;
  /// Raise each branch's cutoff wavenumber so the film holds the bulk's number of
  /// modes (see mode_conserving_wavenumber); Dulong-Petit then holds in the film too.
  bool conserve_mode_count = false;
};

/// w_x = 2 pi v / d (Eqs. 13-14): below it the film VDOS is w^3, above it w^2.
/// Throws std::invalid_argument unless v and d are positive and finite.
AngularFrequency crossover_frequency(Velocity sound_velocity, Length film_thickness);

/// T_x = hbar w_x / k_B; d = 6 nm, v = 4000 m/s give 32.0 K.
Temperature crossover_temperature(Velocity sound_velocity, Length film_thickness);

/// k_D = (6 pi^2 n)^(1/3) for atom number density n (one mode per atom per branch).
Wavenumber debye_wavenumber(NumberDensity atom_number_density);

/// Cutoff wavenumber k' at which a film of thickness d holds as many modes per branch
/// as a bulk sphere of radius k_D: k'^3 = k_D^3 + 2 pi^3/d^3 when k' >= 2 pi/d (i.e.
/// k_D^3 >= 6 pi^3/d^3), else k'^4 = 8 pi k_D^3/(3 d) (whole sphere confined).
Wavenumber mode_conserving_wavenumber(Wavenumber bulk_debye_wavenumber, Length film_thickness);

/// The VDOS of the three acoustic branches of a bulk solid (Eq. 3) or of a film
/// (Eqs. 13-14, film = bulk * min(1, w/w_x,i)), per unit volume, zero above each
/// branch's cutoff. Immutable value type.
class PhononSpectrum {
 public:
  /// Bulk Debye spectrum. Throws std::invalid_argument for non-positive or
  /// non-finite velocities.
  static PhononSpectrum bulk(const AcousticBranches& branches, const PhononCutoff& cutoff);
  /// Film spectrum from all fields of `parameters`. Throws std::invalid_argument for
  /// non-positive or non-finite velocities or film thickness.
  static PhononSpectrum film(const PhononParameters& parameters);

  bool is_film() const { return is_film_; }
  /// d; +infinity for bulk.
  Length film_thickness() const;
  Velocity sound_velocity(std::size_t branch) const;
  /// w_x,i = 2 pi v_i/d; zero for bulk (no confined part of the spectrum).
  AngularFrequency crossover_frequency(std::size_t branch) const;
  /// w_D,i (raised if the mode count is conserved); +infinity without a cutoff.
  AngularFrequency cutoff_frequency(std::size_t branch) const;
  /// k_D,i = w_D,i / v_i; +infinity without a cutoff.
  Wavenumber cutoff_wavenumber(std::size_t branch) const;

  /// g_i(w) per unit volume; zero for w < 0 and above the cutoff.
  SpectralModeDensity density_of_states(std::size_t branch, AngularFrequency frequency) const;
  /// Sum over the three branches.
  SpectralModeDensity density_of_states(AngularFrequency frequency) const;
  /// Integral of g_i(w) dw, closed form; +infinity without a cutoff.
  NumberDensity mode_count(std::size_t branch) const;
  /// Sum over the three branches.
  NumberDensity mode_count() const;

 private:
  PhononSpectrum() = default;
  void check_branch(std::size_t branch) const;

  bool is_film_ = false;
  double film_thickness_m_ = 0.0;
  std::array<double, acoustic_branch_count> velocity_m_per_s_{};
  std::array<double, acoustic_branch_count> crossover_rad_per_s_{};
  std::array<double, acoustic_branch_count> cutoff_rad_per_s_{};
};

}  // namespace filmtherm
