// Units: the Boost.Units quantity types of every physical value filmtherm
// handles. Public C++ APIs take and return these types, so a thickness passed
// where a temperature is expected does not compile; inner loops unwrap them to
// SI doubles with `.value()` and name the unit in the variable
// (`temperature_K`). Everything is SI with temperatures in kelvin; values per
// unit volume (heat capacity, power) are per m^3 of film.
//
// Power laws whose exponent is a run-time number (P = Sigma T^m with m = 5.45)
// cannot carry a static dimension for their prefactor; such models take a
// parameter of fixed dimension instead (tau_eph at T0, alpha at T_ref) and
// document it.
#pragma once

#include <boost/units/derived_dimension.hpp>
#include <boost/units/physical_dimensions.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si.hpp>

namespace filmtherm {

namespace units {
namespace bu = boost::units;

// Dimensions that Boost.Units' SI system does not name.
using volumetric_heat_capacity_dimension =
    bu::derived_dimension<bu::length_base_dimension, -1, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -2, bu::temperature_base_dimension, -1>::type;
using heat_capacity_slope_dimension =
    bu::derived_dimension<bu::length_base_dimension, -1, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -2, bu::temperature_base_dimension, -2>::type;
using energy_density_dimension =
    bu::derived_dimension<bu::length_base_dimension, -1, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -2>::type;
using power_density_dimension =
    bu::derived_dimension<bu::length_base_dimension, -1, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -3>::type;
using power_density_per_kelvin_dimension =
    bu::derived_dimension<bu::length_base_dimension, -1, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -3, bu::temperature_base_dimension, -1>::type;
using number_density_dimension = bu::derived_dimension<bu::length_base_dimension, -3>::type;
using boundary_conductance_dimension =
    bu::derived_dimension<bu::mass_base_dimension, 1, bu::time_base_dimension, -3,
                          bu::temperature_base_dimension, -1>::type;
using thermal_conductivity_dimension =
    bu::derived_dimension<bu::length_base_dimension, 1, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -3, bu::temperature_base_dimension, -1>::type;
using resistivity_dimension =
    bu::derived_dimension<bu::length_base_dimension, 3, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -3, bu::current_base_dimension, -2>::type;
using lorenz_number_dimension =
    bu::derived_dimension<bu::length_base_dimension, 4, bu::mass_base_dimension, 2,
                          bu::time_base_dimension, -6, bu::current_base_dimension, -2,
                          bu::temperature_base_dimension, -2>::type;

template <class Dimension>
using si_unit = bu::unit<Dimension, bu::si::system>;
}  // namespace units

template <class Unit>
using Quantity = boost::units::quantity<Unit, double>;

using Dimensionless = Quantity<boost::units::si::dimensionless>;
using Length = Quantity<boost::units::si::length>;
using Area = Quantity<boost::units::si::area>;
using Volume = Quantity<boost::units::si::volume>;
using Time = Quantity<boost::units::si::time>;
using Temperature = Quantity<boost::units::si::temperature>;
using Velocity = Quantity<boost::units::si::velocity>;
/// Angular frequency omega in rad/s, carried as s^-1.
using AngularFrequency = Quantity<boost::units::si::frequency>;
using Frequency = Quantity<boost::units::si::frequency>;
using Wavenumber = Quantity<units::si_unit<boost::units::wavenumber_dimension>>;
using Energy = Quantity<boost::units::si::energy>;
using Power = Quantity<boost::units::si::power>;
using Current = Quantity<boost::units::si::current>;
using Voltage = Quantity<boost::units::si::electric_potential>;
using Resistance = Quantity<boost::units::si::resistance>;
using Inductance = Quantity<boost::units::si::inductance>;
using Capacitance = Quantity<boost::units::si::capacitance>;
/// Heat capacity of a whole body, J/K.
using HeatCapacity = Quantity<units::si_unit<boost::units::heat_capacity_dimension>>;

/// Heat capacity per unit volume, J m^-3 K^-1.
using VolumetricHeatCapacity = Quantity<units::si_unit<units::volumetric_heat_capacity_dimension>>;
/// dC/dT of a volumetric heat capacity, J m^-3 K^-2.
using HeatCapacitySlope = Quantity<units::si_unit<units::heat_capacity_slope_dimension>>;
/// Sommerfeld coefficient gamma of C_e = gamma T, J m^-3 K^-2.
using SommerfeldCoefficient = HeatCapacitySlope;
/// Energy per unit volume, J m^-3.
using EnergyDensity = Quantity<units::si_unit<units::energy_density_dimension>>;
/// Power per unit volume, W m^-3.
using PowerDensity = Quantity<units::si_unit<units::power_density_dimension>>;
/// Derivative of a power density with respect to a temperature, W m^-3 K^-1.
using PowerDensityPerKelvin = Quantity<units::si_unit<units::power_density_per_kelvin_dimension>>;
/// Atoms (or modes) per unit volume, m^-3.
using NumberDensity = Quantity<units::si_unit<units::number_density_dimension>>;
/// Boundary (Kapitza) conductance per unit area, W m^-2 K^-1.
using BoundaryConductance = Quantity<units::si_unit<units::boundary_conductance_dimension>>;
using ThermalConductivity = Quantity<units::si_unit<units::thermal_conductivity_dimension>>;
/// Electrical resistivity, Ohm m.
using Resistivity = Quantity<units::si_unit<units::resistivity_dimension>>;
/// Lorenz number of the Wiedemann-Franz law, W Ohm K^-2.
using LorenzNumber = Quantity<units::si_unit<units::lorenz_number_dimension>>;

/// Wraps an SI double into a quantity of the given type: the one sanctioned way
/// back from an inner loop to a typed API.
template <class Q>
constexpr Q from_si(double value_si) {
  return Q::from_value(value_si);
}

namespace literals {
constexpr Length operator""_nm(long double v) {
  return from_si<Length>(static_cast<double>(v) * 1e-9);
}
constexpr Length operator""_nm(unsigned long long v) {
  return from_si<Length>(static_cast<double>(v) * 1e-9);
}
constexpr Temperature operator""_K(long double v) {
  return from_si<Temperature>(static_cast<double>(v));
}
constexpr Temperature operator""_K(unsigned long long v) {
  return from_si<Temperature>(static_cast<double>(v));
}
constexpr Velocity operator""_m_per_s(long double v) {
  return from_si<Velocity>(static_cast<double>(v));
}
constexpr Velocity operator""_m_per_s(unsigned long long v) {
  return from_si<Velocity>(static_cast<double>(v));
}
}  // namespace literals

}  // namespace filmtherm
