#include "filmtherm/photon.h"

#include <cmath>
#include <stdexcept>

#include "filmtherm/constants.h"

namespace filmtherm {

namespace {
constexpr double planck_times_c_J_m =
    si_constants::planck_J_s * si_constants::speed_of_light_m_per_s;

double checked_positive(double value, const char* what) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    throw std::domain_error(std::string(what) + " must be positive and finite");
  }
  return value;
}
}  // namespace

Energy photon_energy(Length wavelength) {
  return from_si<Energy>(planck_times_c_J_m / checked_positive(wavelength.value(), "wavelength"));
}

Length photon_wavelength(Energy energy) {
  return from_si<Length>(planck_times_c_J_m / checked_positive(energy.value(), "photon energy"));
}

}  // namespace filmtherm
