// The material a FreeFEM script works with: a filmtherm material (from a
// material library or a device file), the phonon model it is evaluated with
// (its own, or another such as bulk "debye" with the same parameters) and the
// substrate's phonon-escape law, loaded and evaluated through filmtherm's C
// API (filmtherm/filmtherm.h) alone. Nothing here knows FreeFEM: every call
// returns an empty string on success or the message a person can act on, and
// the plugin (filmtherm_freefem.cpp) turns that message into a FreeFEM error.
#ifndef FILMTHERM_HOSTS_FREEFEM_FREEFEM_MATERIAL_H
#define FILMTHERM_HOSTS_FREEFEM_FREEFEM_MATERIAL_H

#include <string>

#include "filmtherm/filmtherm.h"

namespace filmtherm::freefem {

/// One scalar function of the material as a script calls it.
enum class MaterialFunction {
  phonon_heat_capacity,        // C_ph(T, d)      [J m^-3 K^-1]
  phonon_heat_capacity_slope,  // dC_ph/dT(T, d)  [J m^-3 K^-2]
  electron_heat_capacity,      // C_e(T)
  electron_heat_capacity_slope,
  electron_phonon_power,  // P_ep(T_e, T_ph)  [W m^-3]
  electron_phonon_power_slope_electron,
  electron_phonon_power_slope_phonon,
  escape_power,  // P_esc(T, T_b, d)  [W m^-3]
  escape_power_slope_phonon,
  escape_power_slope_bath,
  thermal_conductivity,  // kappa(T)  [W m^-1 K^-1]
  thermal_conductivity_slope,
};

/// The loaded material of the process (FreeFEM runs one script per process).
class FreeFemMaterial {
 public:
  FreeFemMaterial() = default;
  FreeFemMaterial(const FreeFemMaterial&) = delete;
  FreeFemMaterial& operator=(const FreeFemMaterial&) = delete;
  ~FreeFemMaterial() { release(); }

  /// Material `name` of the library file `library_path`; the phonon model is
  /// the material's own and no escape law is set (set_escape).
  std::string load_library_material(const std::string& library_path, const std::string& name);
  /// The film material and the substrate escape law of a device file.
  std::string load_device(const std::string& device_path);
  /// Replaces the escape law: model `model` with parameters "key=value;..."
  /// (values with their units), "" for the defaults.
  std::string set_escape(const std::string& model, const std::string& parameters);
  /// Evaluates C_ph with phonon model `model` ("film", "debye", ...) built
  /// from the material's phonon parameters of the same name.
  std::string set_phonons(const std::string& model);

  /// f at (a, b, c) (unused arguments ignored) into *result.
  std::string evaluate(MaterialFunction f, double a, double b, double c, double* result) const;

 private:
  void release();
  std::string failure(int code, const std::string& doing) const;
  std::string create_model(int property, const std::string& model, const std::string& parameters,
                           filmtherm_model_handle** created);

  filmtherm_context* context_ = nullptr;
  filmtherm_material* material_ = nullptr;  // owned, from a library
  filmtherm_device* device_ = nullptr;      // owned, from a device file
  filmtherm_model_handle* own_escape_ = nullptr;
  filmtherm_model_handle* own_phonons_ = nullptr;
  const filmtherm_material* film_ = nullptr;  // material_ or the device's
  const filmtherm_model_handle* phonons_ = nullptr;
  const filmtherm_model_handle* escape_ = nullptr;
};

}  // namespace filmtherm::freefem

#endif  // FILMTHERM_HOSTS_FREEFEM_FREEFEM_MATERIAL_H
