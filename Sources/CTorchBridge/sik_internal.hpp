// Internal helpers shared by the bridge's translation units (not part of the C API).
#pragma once
#include <exception>
#include <new>

namespace sik {
/// Records the message of a caught exception for sik_last_error().
void set_error(const char *what);
}  // namespace sik

/// Runs `body`, turning any C++ exception into a non-zero status and a recorded message.
#define SIK_TRY(body)                                              \
    try {                                                          \
        body;                                                      \
        return 0;                                                  \
    } catch (const std::exception &e) {                            \
        sik::set_error(e.what());                                  \
        return 1;                                                  \
    } catch (...) {                                                \
        sik::set_error("unknown C++ exception");                   \
        return 1;                                                  \
    }
