// The engine the tests of one program share: built once (an Engine is immutable and may be
// used from any thread), so a test binary pays for loading the language data only once.
#pragma once

#include "pipeline/engine.hpp"

namespace eventwire::internal::testing {

inline const Engine& engine() {
  static const auto e = *Engine::create();
  return *e;
}

}  // namespace eventwire::internal::testing
