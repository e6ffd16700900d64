// Autograd: gradient recording, backward, gradients, and in-place parameter updates.
#include "sik_internal.hpp"

#include <ATen/ops/addcdiv.h>
#include <ATen/ops/addcmul.h>
#include <ATen/ops/lerp.h>
#include <c10/core/GradMode.h>

extern "C" sik_status sik_set_requires_grad(sik_tensor t, int32_t flag) {
    SIK_TRY({ sik::get(t).requires_grad_(flag != 0); });
}

extern "C" int32_t sik_requires_grad(sik_tensor t) { return t && t->t.requires_grad() ? 1 : 0; }

extern "C" int32_t sik_is_leaf(sik_tensor t) { return t && t->t.is_leaf() ? 1 : 0; }

extern "C" sik_status sik_backward(sik_tensor t, sik_tensor gradient, int32_t retain_graph) {
    SIK_TRY({
        const auto &x = sik::get(t);
        TORCH_CHECK(x.requires_grad(), "backward: the tensor does not require grad (no input had requiresGrad set, "
                                       "or it was computed under no-grad)");
        at::Tensor g;
        if (gradient) {
            g = gradient->t;
        } else {
            TORCH_CHECK(x.numel() == 1, "backward() without a gradient needs a one-element tensor, shape is ",
                        x.sizes());
        }
        x.backward(g, retain_graph != 0);
    });
}

extern "C" sik_status sik_grad(sik_tensor t, sik_tensor *out) {
    SIK_TRY({
        TORCH_CHECK(out != nullptr, "output pointer is NULL");
        const auto &g = sik::get(t).grad();
        *out = g.defined() ? sik::wrap(g) : nullptr;
    });
}

extern "C" sik_status sik_zero_grad(sik_tensor t) { SIK_TRY({ sik::get(t).mutable_grad().reset(); }); }

extern "C" int32_t sik_grad_enabled(void) { return c10::GradMode::is_enabled() ? 1 : 0; }

extern "C" void sik_set_grad_enabled(int32_t enabled) { c10::GradMode::set_enabled(enabled != 0); }

extern "C" sik_status sik_inplace(int32_t op, sik_tensor t, sik_tensor other, double alpha) {
    SIK_TRY({
        c10::NoGradGuard guard;
        const auto &x = sik::get(t);
        auto o = [&]() -> const at::Tensor & { return sik::get(other); };
        switch (op) {
        case SIK_INPLACE_ADD: x.add_(o(), alpha); break;
        case SIK_INPLACE_SUB: x.sub_(o(), alpha); break;
        case SIK_INPLACE_MUL: x.mul_(o()); break;
        case SIK_INPLACE_DIV: x.div_(o()); break;
        case SIK_INPLACE_COPY: x.copy_(o()); break;
        case SIK_INPLACE_ZERO: x.zero_(); break;
        case SIK_INPLACE_SQRT: x.sqrt_(); break;
        default: TORCH_CHECK(false, "in-place op ", op, " does not take a tensor");
        }
    });
}

extern "C" sik_status sik_inplace_scalar(int32_t op, sik_tensor t, double s) {
    SIK_TRY({
        c10::NoGradGuard guard;
        const auto &x = sik::get(t);
        switch (op) {
        case SIK_INPLACE_ADD: x.add_(s); break;
        case SIK_INPLACE_SUB: x.sub_(s); break;
        case SIK_INPLACE_MUL: x.mul_(s); break;
        case SIK_INPLACE_DIV: x.div_(s); break;
        case SIK_INPLACE_FILL: x.fill_(s); break;
        case SIK_INPLACE_ZERO: x.zero_(); break;
        case SIK_INPLACE_SQRT: x.sqrt_(); break;
        case SIK_INPLACE_CLAMP_MIN: x.clamp_min_(s); break;
        case SIK_INPLACE_CLAMP_MAX: x.clamp_max_(s); break;
        default: TORCH_CHECK(false, "in-place op ", op, " does not take a scalar");
        }
    });
}

extern "C" sik_status sik_addc_inplace(sik_tensor t, sik_tensor a, sik_tensor b, double value, int32_t is_div) {
    SIK_TRY({
        c10::NoGradGuard guard;
        if (is_div) {
            sik::get(t).addcdiv_(sik::get(a), sik::get(b), value);
        } else {
            sik::get(t).addcmul_(sik::get(a), sik::get(b), value);
        }
    });
}

extern "C" sik_status sik_lerp_inplace(sik_tensor t, sik_tensor end, double weight) {
    SIK_TRY({
        c10::NoGradGuard guard;
        sik::get(t).lerp_(sik::get(end), weight);
    });
}
