// Internal checks and status helpers.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"

// EW_DCHECK is active in development builds (EVENTWIRE_DEVELOPMENT_CHECKS) and free otherwise.
#ifdef EW_DEVELOPMENT_CHECKS
#define EW_DCHECK(cond)                                                             \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: EW_DCHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)
#else
#define EW_DCHECK(cond) \
  do {                  \
  } while (0)
#endif

#define EW_RETURN_IF_ERROR(expr)              \
  do {                                        \
    ::absl::Status ew_status_ = (expr);       \
    if (!ew_status_.ok()) return ew_status_;  \
  } while (0)
