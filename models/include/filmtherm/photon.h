// Photon energy from wavelength and back, E = h c / lambda (docs/physics.md section 4).
#pragma once

#include "filmtherm/units.h"

namespace filmtherm {

/// E = h c / lambda; 1550 nm gives 0.800 eV. Throws std::domain_error unless
/// the wavelength is positive and finite.
Energy photon_energy(Length wavelength);

/// lambda = h c / E. Throws std::domain_error unless the energy is positive and finite.
Length photon_wavelength(Energy energy);

}  // namespace filmtherm
