// The four phonon heat-capacity models of models/phonon_heat_capacity.h behind
// the ABI. The film thickness is an evaluation input (C_ph(T, d)); a model
// object is built once per distinct thickness within a call, which costs a few
// hundred nanoseconds and keeps instances free of mutable state (thread safe).
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

#include "builtin_models.h"
#include "dimensions.h"
#include "filmtherm/phonon_heat_capacity.h"
#include "model_adapter.h"

namespace filmtherm::builtin {

namespace {

using dimension::dimensionless;
using dimension::number_density;
using dimension::temperature;
using dimension::velocity;
constexpr double absent = 0.0;  // ignored: NO_DEFAULT parameters arrive as NaN when absent

enum PhononParameterIndex : std::size_t {
  sound_velocity,
  longitudinal_velocity,
  transverse_velocity,
  debye_temperature,
  atom_density,
  conserve_mode_count,
};

#define FILMTHERM_VELOCITY_PARAMETERS                                             \
  {"sound_velocity", velocity, absent, FILMTHERM_PARAMETER_NO_DEFAULT,            \
   "one sound velocity for all three acoustic branches (or give the next two)"},  \
      {"longitudinal_velocity", velocity, absent, FILMTHERM_PARAMETER_NO_DEFAULT, \
       "longitudinal sound velocity v_L (with transverse_velocity)"},             \
  {                                                                               \
    "transverse_velocity", velocity, absent, FILMTHERM_PARAMETER_NO_DEFAULT,      \
        "transverse sound velocity v_T, for both transverse branches"             \
  }

constexpr filmtherm_parameter cutoff_parameters[] = {
    FILMTHERM_VELOCITY_PARAMETERS,
    {"debye_temperature", temperature, absent, FILMTHERM_PARAMETER_NO_DEFAULT,
     "Debye cutoff hbar w_D = k_B Theta, the same w_D for every branch (or give atom_density; "
     "neither: no cutoff)"},
    {"atom_density", number_density, absent, FILMTHERM_PARAMETER_NO_DEFAULT,
     "Debye cutoff k_D = (6 pi^2 n)^(1/3), w_D = v_i k_D per branch"},
    {"conserve_mode_count", dimensionless, 0.0, 0,
     "1: raise the cutoff so the film keeps the bulk's number of modes (Dulong-Petit holds); "
     "0: the paper's cutoff"},
};
constexpr filmtherm_parameter velocity_parameters[] = {FILMTHERM_VELOCITY_PARAMETERS};
#undef FILMTHERM_VELOCITY_PARAMETERS

AcousticBranches read_branches(std::span<const double> v) {
  const bool isotropic = !std::isnan(v[sound_velocity]);
  const bool per_branch =
      !std::isnan(v[longitudinal_velocity]) || !std::isnan(v[transverse_velocity]);
  if (isotropic == per_branch || (per_branch && (std::isnan(v[longitudinal_velocity]) ||
                                                 std::isnan(v[transverse_velocity])))) {
    throw std::invalid_argument(
        "give either sound_velocity, or both longitudinal_velocity and transverse_velocity");
  }
  if (isotropic) return AcousticBranches::isotropic(from_si<Velocity>(v[sound_velocity]));
  return AcousticBranches{from_si<Velocity>(v[longitudinal_velocity]),
                          from_si<Velocity>(v[transverse_velocity])};
}

PhononParameters read_parameters(std::span<const double> v, bool with_cutoff) {
  // The trampoline has checked the count and that each given value is positive and finite.
  PhononParameters parameters;
  parameters.branches = read_branches(v);
  // d arrives with each evaluation (C_ph(T, d)); FilmAdapter sets it per point
  // and BulkAdapter's models ignore it, so this 1 m only satisfies validation.
  parameters.film_thickness = from_si<Length>(1.0);
  if (!with_cutoff) return parameters;
  const bool by_temperature = !std::isnan(v[debye_temperature]);
  const bool by_density = !std::isnan(v[atom_density]);
  if (by_temperature && by_density) {
    throw std::invalid_argument("give debye_temperature or atom_density, not both");
  }
  if (by_temperature) {
    parameters.cutoff =
        PhononCutoff::from_debye_temperature(from_si<Temperature>(v[debye_temperature]));
  } else if (by_density) {
    parameters.cutoff =
        PhononCutoff::from_atom_number_density(from_si<NumberDensity>(v[atom_density]));
  }
  const double conserve = v[conserve_mode_count];
  if (conserve != 0.0 && conserve != 1.0) {
    throw std::invalid_argument("conserve_mode_count must be 0 or 1, got " +
                                std::to_string(conserve));
  }
  parameters.conserve_mode_count = conserve == 1.0;
  return parameters;
}

void store(const filmtherm_evaluation& e, std::size_t i, const PhononThermalState& state) {
  e.value[i] = state.heat_capacity_J_per_m3_K;
  if (e.value_slope) e.value_slope[i] = state.heat_capacity_slope_J_per_m3_K2;
  if (e.energy_density) e.energy_density[i] = state.thermal_energy_J_per_m3;
}

// Film models depend on d: rebuild the physics object whenever it changes.
template <class Physics, bool with_cutoff>
class FilmAdapter {
 public:
  explicit FilmAdapter(std::span<const double> values)
      : parameters_(read_parameters(values, with_cutoff)) {
    Physics probe(parameters_);  // validates velocities and cutoff now, not at first use
  }
  void evaluate(const filmtherm_evaluation& e) const {
    if (e.film_thickness_m == nullptr) {
      throw std::invalid_argument("a film model needs the film thickness input");
    }
    std::optional<Physics> physics;
    double thickness_m = std::nan("");
    for (std::size_t i = 0; i < e.count; ++i) {
      if (!physics || e.film_thickness_m[i] != thickness_m) {
        thickness_m = checked_thickness(e.film_thickness_m[i]);
        PhononParameters parameters = parameters_;
        parameters.film_thickness = from_si<Length>(thickness_m);
        physics.emplace(parameters);
      }
      store(e, i, physics->evaluate_si(e.temperature_K[i]));
    }
  }

 private:
  PhononParameters parameters_;
};

// Bulk models ignore d: one physics object for the instance's lifetime.
template <class Physics, bool with_cutoff>
class BulkAdapter {
 public:
  explicit BulkAdapter(std::span<const double> values)
      : physics_(read_parameters(values, with_cutoff)) {}
  void evaluate(const filmtherm_evaluation& e) const {
    for (std::size_t i = 0; i < e.count; ++i) store(e, i, physics_.evaluate_si(e.temperature_K[i]));
  }

 private:
  Physics physics_;
};

}  // namespace

const filmtherm_model film_phonon_model =
    describe_model<FilmAdapter<ConfinedFilmPhonons, true>, cutoff_parameters>(
        "film", FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY,
        "Confined-phonon heat capacity of a film of thickness d: VDOS ~ w^3 below the crossover "
        "w_x = 2 pi v/d, Debye's w^2 above it, up to the Debye cutoff; per-branch velocities.",
        "A. Zaccone, Quantum confinement theory of the heat capacity of thin films, Eqs. 13-14 and "
        "21 (closed form in docs/theory.md)");

const filmtherm_model film_low_temperature_phonon_model =
    describe_model<FilmAdapter<FilmLowTemperaturePhonons, false>, velocity_parameters>(
        "film-low-T", FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY,
        "Low-temperature limit of the confined film: C = 120 zeta(5) (3/(4 pi^3)) (d/v^4) k_B "
        "(k_B T/hbar)^4 with 3/v^4 = 1/v_L^4 + 2/v_T^4; valid for T << T_x.",
        "A. Zaccone, Quantum confinement theory of the heat capacity of thin films, Eq. 20");

const filmtherm_model debye_phonon_model =
    describe_model<BulkAdapter<DebyePhonons, true>, cutoff_parameters>(
        "debye", FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY,
        "Bulk Debye heat capacity with a finite cutoff, per acoustic branch; independent of d.",
        "P. Debye, Ann. Phys. 344, 789 (1912); Zaccone Eq. 7");

const filmtherm_model debye_low_temperature_phonon_model =
    describe_model<BulkAdapter<DebyeLowTemperaturePhonons, false>, velocity_parameters>(
        "debye-low-T", FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY,
        "Debye T^3 law: C = (2/5) pi^2 k_B (k_B T/(hbar v))^3 with 3/v^3 = 1/v_L^3 + 2/v_T^3.",
        "Zaccone Eq. 9 (Kittel, Introduction to Solid State Physics, ch. 5)");

}  // namespace filmtherm::builtin
