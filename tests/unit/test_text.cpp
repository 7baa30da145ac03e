#include <doctest/doctest.h>
#include "text/normalize.hpp"
TEST_CASE("placeholder") { CHECK(true); }
