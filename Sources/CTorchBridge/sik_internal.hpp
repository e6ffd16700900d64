// Internal helpers shared by the bridge's translation units (not part of the C API).
#pragma once
#include <exception>
#include <new>
#include <optional>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/MemoryFormat.h>
#include <c10/util/Exception.h>

#include "sik_torch.h"

/// The object behind a `sik_tensor` handle.
struct sik_tensor_s {
    at::Tensor t;
};

namespace sik {
/// Records the message of a caught exception for sik_last_error().
void set_error(const char *what);

/// A new handle owning `t`.
inline sik_tensor wrap(at::Tensor t) { return new sik_tensor_s{std::move(t)}; }

/// The tensor behind a handle; throws when the handle is NULL.
inline const at::Tensor &get(sik_tensor h) {
    TORCH_CHECK(h != nullptr, "tensor handle is NULL");
    return h->t;
}

/// The tensor behind an optional handle (nullopt for NULL).
inline std::optional<at::Tensor> opt(sik_tensor h) {
    if (h == nullptr) return std::nullopt;
    return h->t;
}

/// An `IntArrayRef` over caller memory.
inline at::IntArrayRef dims(const int64_t *d, int32_t n) {
    TORCH_CHECK(n >= 0, "negative dimension count ", n);
    TORCH_CHECK(n == 0 || d != nullptr, "dimension pointer is NULL");
    return at::IntArrayRef(d, static_cast<size_t>(n));
}

/// The ATen scalar type for a `SIK_DTYPE_*` code.
at::ScalarType scalar_type(int32_t code);
/// The `SIK_DTYPE_*` code of an ATen scalar type (-1 when outside the set).
int32_t dtype_code(at::ScalarType type);
/// The device for `SIK_DEVICE_*` + index.
at::Device device(int32_t type, int32_t index);
/// The memory format for a `SIK_FORMAT_*` code.
at::MemoryFormat memory_format(int32_t code);
}  // namespace sik

/// Runs `body`, turning any C++ exception into a non-zero status and a recorded message.
#define SIK_TRY(...)                                               \
    try {                                                          \
        __VA_ARGS__;                                               \
        return 0;                                                  \
    } catch (const c10::Error &e) {                                \
        sik::set_error(e.what_without_backtrace());                \
        return 1;                                                  \
    } catch (const std::exception &e) {                            \
        sik::set_error(e.what());                                  \
        return 1;                                                  \
    } catch (...) {                                                \
        sik::set_error("unknown C++ exception");                   \
        return 1;                                                  \
    }

/// Runs `expr` (an `at::Tensor` expression) and stores it as a new handle in `*out`.
#define SIK_RESULT(out, ...)                                       \
    SIK_TRY({                                                      \
        TORCH_CHECK((out) != nullptr, "output pointer is NULL");   \
        *(out) = sik::wrap(__VA_ARGS__);                           \
    })
