#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "filmtherm/dimension.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/units.h"

namespace filmtherm {
namespace {

// The expected exponents are written from the SI definitions of each quantity
// (J = kg m^2 s^-2, Ohm = kg m^2 s^-3 A^-2, ...), not read off units.h.
constexpr Dimension length{.metre = 1};
constexpr Dimension time{.second = 1};
constexpr Dimension temperature{.kelvin = 1};
constexpr Dimension energy{.metre = 2, .kilogram = 1, .second = -2};
constexpr Dimension power{.metre = 2, .kilogram = 1, .second = -3};
constexpr Dimension resistance{.metre = 2, .kilogram = 1, .second = -3, .ampere = -2};

static_assert(dimension_of<Velocity>() == Dimension{.metre = 1, .second = -1},
              "dimension_of is usable in constant expressions");
static_assert(dimension_of<Dimensionless>().is_dimensionless());

TEST(DimensionOf, EveryAliasOfUnitsH) {
  EXPECT_EQ(dimension_of<Dimensionless>(), Dimension{});
  EXPECT_EQ(dimension_of<Length>(), length);
  EXPECT_EQ(dimension_of<Area>(), Dimension{.metre = 2});
  EXPECT_EQ(dimension_of<Volume>(), Dimension{.metre = 3});
  EXPECT_EQ(dimension_of<Time>(), time);
  EXPECT_EQ(dimension_of<Temperature>(), temperature);
  EXPECT_EQ(dimension_of<Velocity>(), (Dimension{.metre = 1, .second = -1}));
  EXPECT_EQ(dimension_of<AngularFrequency>(), Dimension{.second = -1});
  EXPECT_EQ(dimension_of<Frequency>(), Dimension{.second = -1});
  EXPECT_EQ(dimension_of<Wavenumber>(), Dimension{.metre = -1});
  EXPECT_EQ(dimension_of<Energy>(), energy);
  EXPECT_EQ(dimension_of<Power>(), power);
  EXPECT_EQ(dimension_of<Current>(), Dimension{.ampere = 1});
  EXPECT_EQ(dimension_of<Voltage>(),
            (Dimension{.metre = 2, .kilogram = 1, .second = -3, .ampere = -1}));
  EXPECT_EQ(dimension_of<Resistance>(), resistance);
  EXPECT_EQ(dimension_of<Inductance>(),
            (Dimension{.metre = 2, .kilogram = 1, .second = -2, .ampere = -2}));
  EXPECT_EQ(dimension_of<Capacitance>(),
            (Dimension{.metre = -2, .kilogram = -1, .second = 4, .ampere = 2}));
  EXPECT_EQ(dimension_of<HeatCapacity>(),
            (Dimension{.metre = 2, .kilogram = 1, .second = -2, .kelvin = -1}));
  EXPECT_EQ(dimension_of<VolumetricHeatCapacity>(),
            (Dimension{.metre = -1, .kilogram = 1, .second = -2, .kelvin = -1}));
  EXPECT_EQ(dimension_of<HeatCapacitySlope>(),
            (Dimension{.metre = -1, .kilogram = 1, .second = -2, .kelvin = -2}));
  EXPECT_EQ(dimension_of<SommerfeldCoefficient>(), dimension_of<HeatCapacitySlope>());
  EXPECT_EQ(dimension_of<EnergyDensity>(), (Dimension{.metre = -1, .kilogram = 1, .second = -2}));
  EXPECT_EQ(dimension_of<PowerDensity>(), (Dimension{.metre = -1, .kilogram = 1, .second = -3}));
  EXPECT_EQ(dimension_of<PowerDensityPerKelvin>(),
            (Dimension{.metre = -1, .kilogram = 1, .second = -3, .kelvin = -1}));
  EXPECT_EQ(dimension_of<NumberDensity>(), Dimension{.metre = -3});
  EXPECT_EQ(dimension_of<BoundaryConductance>(),
            (Dimension{.kilogram = 1, .second = -3, .kelvin = -1}));
  EXPECT_EQ(dimension_of<ThermalConductivity>(),
            (Dimension{.metre = 1, .kilogram = 1, .second = -3, .kelvin = -1}));
  EXPECT_EQ(dimension_of<Resistivity>(),
            (Dimension{.metre = 3, .kilogram = 1, .second = -3, .ampere = -2}));
  EXPECT_EQ(dimension_of<LorenzNumber>(),
            (Dimension{.metre = 4, .kilogram = 2, .second = -6, .ampere = -2, .kelvin = -2}));
}

// Boost.Units computes the types of products and quotients itself; our run-time
// algebra must agree with it (Wiedemann-Franz: L = rho kappa / T; P = E / t; ...).
TEST(DimensionOf, AgreesWithBoostUnitsAlgebra) {
  using LorenzFromWiedemannFranz = decltype(Resistivity() * ThermalConductivity() / Temperature());
  EXPECT_EQ(dimension_of<LorenzFromWiedemannFranz>(), dimension_of<LorenzNumber>());
  EXPECT_EQ(dimension_of<LorenzNumber>(), dimension_of<Power>() * dimension_of<Resistance>() /
                                              pow(dimension_of<Temperature>(), 2));
  EXPECT_EQ(dimension_of<decltype(Energy() / Time())>(), dimension_of<Power>());
  EXPECT_EQ(dimension_of<Power>(), dimension_of<Energy>() / dimension_of<Time>());
  EXPECT_EQ(dimension_of<Resistivity>(), dimension_of<Resistance>() * dimension_of<Length>());
  EXPECT_EQ(dimension_of<VolumetricHeatCapacity>(),
            dimension_of<HeatCapacity>() / dimension_of<Volume>());
  EXPECT_EQ(dimension_of<HeatCapacitySlope>(),
            dimension_of<VolumetricHeatCapacity>() / dimension_of<Temperature>());
  EXPECT_EQ(dimension_of<BoundaryConductance>(),
            dimension_of<Power>() / dimension_of<Area>() / dimension_of<Temperature>());
  EXPECT_EQ(dimension_of<NumberDensity>(), pow(dimension_of<Length>(), -3));
  EXPECT_EQ(dimension_of<Volume>(), pow(dimension_of<Length>(), 3));
  EXPECT_EQ(dimension_of<decltype(Inductance() / Resistance())>(), dimension_of<Time>());
  EXPECT_EQ(dimension_of<decltype(Resistance() * Capacitance())>(), dimension_of<Time>());
}

TEST(Dimension, Arithmetic) {
  const Dimension velocity = length / time;
  EXPECT_EQ(velocity, (Dimension{.metre = 1, .second = -1}));
  EXPECT_EQ(velocity * time, length);
  EXPECT_EQ(pow(velocity, 2), (Dimension{.metre = 2, .second = -2}));
  EXPECT_EQ(pow(velocity, -1), (Dimension{.metre = -1, .second = 1}));
  EXPECT_EQ(pow(velocity, 0), Dimension{});
  EXPECT_TRUE((velocity / velocity).is_dimensionless());
  EXPECT_FALSE(velocity.is_dimensionless());
  EXPECT_NE(energy, power);
}

TEST(Dimension, ExponentsAreBoundedNotOverflowed) {
  const Dimension at_limit{.metre = Dimension::max_exponent};
  EXPECT_EQ(pow(length, Dimension::max_exponent), at_limit);
  EXPECT_EQ(pow(length, -Dimension::max_exponent), (Dimension{.metre = -Dimension::max_exponent}));
  EXPECT_THROW(at_limit * length, std::overflow_error);
  EXPECT_THROW(pow(length, -Dimension::max_exponent) / length, std::overflow_error);
  EXPECT_THROW(pow(length, Dimension::max_exponent + 1), std::overflow_error);
  // INT_MAX and INT_MIN powers would overflow int arithmetic without the checks.
  EXPECT_THROW(pow(at_limit, 2147483647), std::overflow_error);
  EXPECT_THROW(pow(at_limit, -2147483647 - 1), std::overflow_error);
  EXPECT_EQ(pow(Dimension{}, 2147483647), Dimension{});
}

TEST(Describe, ExamplesFromTheBrief) {
  EXPECT_EQ(describe(dimension_of<Velocity>()), "a velocity [m s^-1]");
  EXPECT_EQ(describe(dimension_of<Temperature>()), "a temperature [K]");
  EXPECT_EQ(describe(dimension_of<VolumetricHeatCapacity>()),
            "a volumetric heat capacity [J m^-3 K^-1]");
  EXPECT_EQ(describe(dimension_of<Length>()), "a length [m]");
  EXPECT_EQ(describe(dimension_of<PowerDensity>()), "a power density [W m^-3]");
  EXPECT_EQ(describe(dimension_of<Dimensionless>()), "dimensionless");
  EXPECT_EQ(describe(Dimension{.metre = 2, .kilogram = 1, .second = -3, .kelvin = -1}),
            "[kg m^2 s^-3 K^-1]");
  EXPECT_EQ(describe(Dimension{.kilogram = 1, .second = -3, .kelvin = -4}), "[kg s^-3 K^-4]");
  EXPECT_EQ(describe(Dimension{.metre = 1, .mole = -1}), "[m mol^-1]");
}

TEST(Describe, EveryAliasHasAName) {
  const std::vector<std::pair<const char*, Dimension>> aliases{
      {"Dimensionless", dimension_of<Dimensionless>()},
      {"Length", dimension_of<Length>()},
      {"Area", dimension_of<Area>()},
      {"Volume", dimension_of<Volume>()},
      {"Time", dimension_of<Time>()},
      {"Temperature", dimension_of<Temperature>()},
      {"Velocity", dimension_of<Velocity>()},
      {"AngularFrequency", dimension_of<AngularFrequency>()},
      {"Frequency", dimension_of<Frequency>()},
      {"Wavenumber", dimension_of<Wavenumber>()},
      {"Energy", dimension_of<Energy>()},
      {"Power", dimension_of<Power>()},
      {"Current", dimension_of<Current>()},
      {"Voltage", dimension_of<Voltage>()},
      {"Resistance", dimension_of<Resistance>()},
      {"Inductance", dimension_of<Inductance>()},
      {"Capacitance", dimension_of<Capacitance>()},
      {"HeatCapacity", dimension_of<HeatCapacity>()},
      {"VolumetricHeatCapacity", dimension_of<VolumetricHeatCapacity>()},
      {"HeatCapacitySlope", dimension_of<HeatCapacitySlope>()},
      {"SommerfeldCoefficient", dimension_of<SommerfeldCoefficient>()},
      {"EnergyDensity", dimension_of<EnergyDensity>()},
      {"PowerDensity", dimension_of<PowerDensity>()},
      {"PowerDensityPerKelvin", dimension_of<PowerDensityPerKelvin>()},
      {"NumberDensity", dimension_of<NumberDensity>()},
      {"BoundaryConductance", dimension_of<BoundaryConductance>()},
      {"ThermalConductivity", dimension_of<ThermalConductivity>()},
      {"Resistivity", dimension_of<Resistivity>()},
      {"LorenzNumber", dimension_of<LorenzNumber>()}};
  for (const auto& [alias, dimension] : aliases) {
    ASSERT_NE(find_named_dimension(dimension), nullptr) << alias;
    EXPECT_NE(describe(dimension).front(), '[') << alias << ": " << describe(dimension);
  }
}

TEST(NamedDimensions, UniqueAndTheirUnitsParseBackToThem) {
  std::set<std::tuple<int, int, int, int, int, int>> seen;
  for (const NamedDimension& entry : named_dimensions()) {
    const Dimension& d = entry.dimension;
    EXPECT_TRUE(seen.emplace(d.metre, d.kilogram, d.second, d.ampere, d.kelvin, d.mole).second)
        << "duplicate entry " << entry.name;
    // The SI unit is coherent: "1 <si_unit>" is exactly 1 in SI, no rounding involved.
    const ParsedQuantity si = parse_quantity("1 " + std::string(entry.si_unit));
    EXPECT_EQ(si.dimension, d) << entry.name << " [" << entry.si_unit << "]";
    EXPECT_EQ(si.value_si, 1.0) << entry.name << " [" << entry.si_unit << "]";
    EXPECT_EQ(parse_quantity("1 " + std::string(entry.typical_unit)).dimension, d)
        << entry.name << " typical unit " << entry.typical_unit;
    EXPECT_EQ(base_unit_form(d).empty(), d.is_dimensionless()) << entry.name;
    // The base-unit form is itself a valid, coherent unit of the same dimension.
    const ParsedQuantity base = parse_quantity("1 " + base_unit_form(d));
    EXPECT_EQ(base.dimension, d) << base_unit_form(d);
    EXPECT_EQ(base.value_si, 1.0) << base_unit_form(d);
  }
}

}  // namespace
}  // namespace filmtherm
