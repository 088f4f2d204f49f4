#include <gtest/gtest.h>

#include "filmtherm/constants.h"
#include "filmtherm/photon.h"

namespace filmtherm {
namespace {

TEST(PhotonEnergy, TelecomWavelengthIsPoint8eV) {
  // h c / (1550 nm) = 0.79990 eV with the exact SI constants; docs/physics.md quotes 0.800 eV.
  const double energy_eV =
      photon_energy(from_si<Length>(1550e-9)).value() / si_constants::elementary_charge_C;
  EXPECT_NEAR(energy_eV, 1239.84198 / 1550.0, 1e-8);  // hc = 1239.84198 eV nm (CODATA 2018)
}

TEST(PhotonEnergy, WavelengthRoundTrip) {
  const Length wavelength = from_si<Length>(780e-9);
  EXPECT_NEAR(photon_wavelength(photon_energy(wavelength)).value(), 780e-9, 780e-9 * 1e-15);
}

TEST(PhotonEnergy, RejectsNonPositiveWavelength) {
  EXPECT_THROW(photon_energy(from_si<Length>(0.0)), std::domain_error);
  EXPECT_THROW(photon_energy(from_si<Length>(-1e-9)), std::domain_error);
}

}  // namespace
}  // namespace filmtherm
