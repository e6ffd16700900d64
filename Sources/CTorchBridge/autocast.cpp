// Autocast (automatic mixed precision) regions and GradScaler's fused unscale-and-check.
//
// The enter/exit pair mirrors torch/amp/autocast_mode.py (`autocast.__enter__` / `__exit__`):
// settings are per thread, regions nest, and the cache of lower-precision weight copies is
// cleared when the outermost region ends.
#include "sik_internal.hpp"

#include <ATen/autocast_mode.h>
#include <ATen/ops/_amp_foreach_non_finite_check_and_unscale.h>
#include <ATen/ops/full.h>
#include <ATen/ops/zeros.h>

#include <map>
#include <tuple>

namespace {
/// The ATen device type for a `SIK_DEVICE_*` code.
at::DeviceType device_type(int32_t code) { return sik::device(code, 0).type(); }

/// The device code of an ATen device type (CPU or CUDA; anything else is rejected).
int32_t device_code(at::DeviceType type) {
    switch (type) {
    case at::kCPU: return SIK_DEVICE_CPU;
    case at::kCUDA: return SIK_DEVICE_CUDA;
    default: TORCH_CHECK(false, "device type ", type, " has no SIK_DEVICE_* code");
    }
}
}  // namespace

extern "C" int32_t sik_autocast_enabled(int32_t device_type) {
    try {
        return at::autocast::is_autocast_enabled(::device_type(device_type)) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" int32_t sik_autocast_dtype(int32_t device_type) {
    try {
        return sik::dtype_code(at::autocast::get_autocast_dtype(::device_type(device_type)));
    } catch (...) {
        return -1;
    }
}

extern "C" sik_status sik_autocast_enter(int32_t device_type, int32_t enabled, int32_t dtype,
                                         sik_autocast_state *previous) {
    SIK_TRY({
        TORCH_CHECK(previous != nullptr, "autocast_enter: the state pointer is NULL");
        const auto type = ::device_type(device_type);
        const auto fast = sik::scalar_type(dtype);
        TORCH_CHECK(fast == at::kHalf || fast == at::kBFloat16,
                    "autocast casts to float16 or bfloat16, not ", fast);
        // Everything that can throw happens before the first setting changes.
        sik_autocast_state saved{device_code(type), at::autocast::is_autocast_enabled(type) ? 1 : 0,
                                 sik::dtype_code(at::autocast::get_autocast_dtype(type)),
                                 at::autocast::is_autocast_cache_enabled() ? 1 : 0};
        at::autocast::set_autocast_enabled(type, enabled != 0);
        at::autocast::set_autocast_dtype(type, fast);
        at::autocast::increment_nesting();
        at::autocast::set_autocast_cache_enabled(true);
        *previous = saved;
    });
}

extern "C" sik_status sik_autocast_exit(const sik_autocast_state *previous) {
    SIK_TRY({
        TORCH_CHECK(previous != nullptr, "autocast_exit: the state pointer is NULL");
        const auto type = ::device_type(previous->device_type);
        const auto dtype = sik::scalar_type(previous->dtype);
        if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
        at::autocast::set_autocast_enabled(type, previous->enabled != 0);
        at::autocast::set_autocast_dtype(type, dtype);
        at::autocast::set_autocast_cache_enabled(previous->cache_enabled != 0);
    });
}

extern "C" void sik_autocast_clear_cache(void) { at::autocast::clear_cache(); }

extern "C" sik_status sik_amp_unscale(const sik_tensor *grads, int32_t n, double inv_scale, int32_t *found_non_finite) {
    SIK_TRY({
        TORCH_CHECK(found_non_finite != nullptr, "amp_unscale: the output pointer is NULL");
        TORCH_CHECK(n >= 0 && (n == 0 || grads != nullptr), "amp_unscale: bad tensor list (", n, " entries)");
        // The fused kernel wants one device and dtype per call (GradScaler groups the same way).
        std::map<std::tuple<int, int, int>, std::vector<at::Tensor>> groups;
        for (int32_t i = 0; i < n; ++i) {
            if (grads[i] == nullptr) continue;
            const auto &g = grads[i]->t;
            TORCH_CHECK(at::isFloatingType(g.scalar_type()), "amp_unscale: tensor ", i, " is ", g.scalar_type(),
                        ", not floating point");
            groups[{static_cast<int>(g.device().type()), g.device().index(), static_cast<int>(g.scalar_type())}]
                .push_back(g);
        }
        bool found = false;
        c10::NoGradGuard guard;
        for (auto &[key, tensors] : groups) {
            const auto options = at::TensorOptions().dtype(at::kFloat).device(tensors.front().device());
            auto found_inf = at::zeros({1}, options);
            const auto inv = at::full({1}, inv_scale, options);
            at::_amp_foreach_non_finite_check_and_unscale_(tensors, found_inf, inv);
            found = found || found_inf.item<float>() != 0;
        }
        *found_non_finite = found ? 1 : 0;
    });
}
