# Install rules and the package files that let others find filmtherm with
# find_package(filmtherm) or pkg-config.
