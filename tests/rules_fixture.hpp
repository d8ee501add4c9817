#pragma once
// The shipped regulation, loaded once for the rule tests.

#include "support.hpp"

#include <cemetery/regulation_loader.hpp>

namespace test {

inline const cemetery::Regulation& shipped_regulation() {
    static const cemetery::Regulation reg = cemetery::load_regulation(shipped_regulation_path());
    return reg;
}

}  // namespace test
