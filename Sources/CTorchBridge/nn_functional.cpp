// Neural-network functions (convolution, normalisation, activations, pooling, resizing, attention) and losses.
#include "sik_internal.hpp"

#include <ATen/ops/_upsample_nearest_exact2d.h>
#include <ATen/ops/adaptive_avg_pool2d.h>
#include <ATen/ops/avg_pool2d.h>
#include <ATen/ops/batch_norm.h>
#include <ATen/ops/binary_cross_entropy_with_logits.h>
#include <ATen/ops/conv2d.h>
#include <ATen/ops/conv_transpose2d.h>
#include <ATen/ops/cross_entropy_loss.h>
#include <ATen/ops/elu.h>
#include <ATen/ops/gelu.h>
#include <ATen/ops/group_norm.h>
#include <ATen/ops/layer_norm.h>
#include <ATen/ops/leaky_relu.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/max_pool2d.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/scaled_dot_product_attention.h>
#include <ATen/ops/silu.h>
#include <ATen/ops/softplus.h>
#include <ATen/ops/upsample_bicubic2d.h>
#include <ATen/ops/upsample_bilinear2d.h>
#include <ATen/ops/upsample_nearest2d.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/core/stack.h>
#include <c10/core/GradMode.h>
#include <optional>

namespace {
/// A pair (h, w) from caller memory.
at::IntArrayRef pair(const int64_t *p) {
    TORCH_CHECK(p != nullptr, "pair pointer is NULL");
    return at::IntArrayRef(p, 2);
}

void check_nchw(const at::Tensor &x, const char *op) {
    TORCH_CHECK(x.dim() == 4, op, " expects a 4-D NCHW input, got shape ", x.sizes());
}
}  // namespace

extern "C" sik_status sik_conv2d(sik_tensor x, sik_tensor weight, sik_tensor bias, const int64_t *stride,
                                 const int64_t *padding, const int64_t *dilation, int64_t groups, sik_tensor *out) {
    SIK_RESULT(out, at::conv2d(sik::get(x), sik::get(weight), sik::opt(bias), pair(stride), pair(padding),
                               pair(dilation), groups));
}

namespace {
/// The oneDNN fused convolution + pointwise operator, when this libtorch registers it.
const std::optional<c10::OperatorHandle> &pointwise_conv() {
    static const std::optional<c10::OperatorHandle> op =
        c10::Dispatcher::singleton().findSchema({"mkldnn::_convolution_pointwise", ""});
    return op;
}
}  // namespace

extern "C" sik_status sik_conv2d_relu(sik_tensor x, sik_tensor weight, sik_tensor bias, const int64_t *stride,
                                      const int64_t *padding, const int64_t *dilation, int64_t groups,
                                      sik_tensor *out, int32_t *fused) {
    SIK_RESULT(out, [&] {
        const auto &input = sik::get(x);
        const auto &w = sik::get(weight);
        check_nchw(input, "conv2d_relu");
        if (fused) *fused = 0;
        const bool eligible = pointwise_conv().has_value() && input.device().is_cpu() &&
                              input.scalar_type() == at::kFloat && w.scalar_type() == at::kFloat &&
                              !(c10::GradMode::is_enabled() && (input.requires_grad() || w.requires_grad()));
        if (eligible) {
            TORCH_CHECK(w.dim() == 4 && input.size(1) == w.size(1) * groups, "conv2d_relu: input ", input.sizes(),
                        " does not match weight ", w.sizes(), " with groups ", groups);
            auto p = pair(padding), s = pair(stride), d = pair(dilation);
            torch::jit::Stack stack;
            stack.emplace_back(input);
            stack.emplace_back(w);
            stack.emplace_back(bias ? c10::IValue(sik::get(bias)) : c10::IValue());
            stack.emplace_back(std::vector<int64_t>(p.begin(), p.end()));
            stack.emplace_back(std::vector<int64_t>(s.begin(), s.end()));
            stack.emplace_back(std::vector<int64_t>(d.begin(), d.end()));
            stack.emplace_back(groups);
            stack.emplace_back(std::string("relu"));
            stack.emplace_back(c10::List<std::optional<c10::Scalar>>());
            stack.emplace_back(c10::IValue());
            pointwise_conv()->callBoxed(&stack);
            if (fused) *fused = 1;
            return stack.back().toTensor();
        }
        auto y = at::conv2d(input, w, sik::opt(bias), pair(stride), pair(padding), pair(dilation), groups);
        return c10::GradMode::is_enabled() && y.requires_grad() ? at::relu(y) : y.relu_();
    }());
}

extern "C" sik_status sik_conv_transpose2d(sik_tensor x, sik_tensor weight, sik_tensor bias, const int64_t *stride,
                                           const int64_t *padding, const int64_t *output_padding,
                                           const int64_t *dilation, int64_t groups, sik_tensor *out) {
    SIK_RESULT(out, at::conv_transpose2d(sik::get(x), sik::get(weight), sik::opt(bias), pair(stride), pair(padding),
                                         pair(output_padding), groups, pair(dilation)));
}

extern "C" sik_status sik_batch_norm(sik_tensor x, sik_tensor running_mean, sik_tensor running_var, sik_tensor weight,
                                     sik_tensor bias, int32_t training, double momentum, double eps, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &input = sik::get(x);
        TORCH_CHECK(input.dim() >= 2, "batch_norm expects at least 2 dimensions (N, C, ...), got shape ",
                    input.sizes());
        TORCH_CHECK(training || (running_mean && running_var),
                    "batch_norm in evaluation mode needs running mean and variance");
        return at::batch_norm(input, sik::opt(weight), sik::opt(bias), sik::opt(running_mean), sik::opt(running_var),
                              training != 0, momentum, eps, true);
    }());
}

extern "C" sik_status sik_layer_norm(sik_tensor x, const int64_t *normalized_shape, int32_t ndim, sik_tensor weight,
                                     sik_tensor bias, double eps, sik_tensor *out) {
    SIK_RESULT(out, at::layer_norm(sik::get(x), sik::dims(normalized_shape, ndim), sik::opt(weight), sik::opt(bias),
                                   eps, true));
}

extern "C" sik_status sik_group_norm(sik_tensor x, int64_t groups, sik_tensor weight, sik_tensor bias, double eps,
                                     sik_tensor *out) {
    SIK_RESULT(out, at::group_norm(sik::get(x), groups, sik::opt(weight), sik::opt(bias), eps, true));
}

extern "C" sik_status sik_linear(sik_tensor x, sik_tensor weight, sik_tensor bias, sik_tensor *out) {
    SIK_RESULT(out, at::linear(sik::get(x), sik::get(weight), sik::opt(bias)));
}

extern "C" sik_status sik_activation(int32_t op, sik_tensor x, double param, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &v = sik::get(x);
        switch (op) {
        case SIK_ACT_RELU: return at::relu(v);
        case SIK_ACT_LEAKY_RELU: return at::leaky_relu(v, param);
        case SIK_ACT_GELU: return at::gelu(v, param != 0 ? "tanh" : "none");
        case SIK_ACT_SIGMOID: return v.sigmoid();
        case SIK_ACT_TANH: return v.tanh();
        case SIK_ACT_SILU: return at::silu(v);
        case SIK_ACT_ELU: return at::elu(v, param);
        case SIK_ACT_SOFTPLUS: return at::softplus(v, param, 20.0);
        default: TORCH_CHECK(false, "unknown activation ", op);
        }
    }());
}

extern "C" sik_status sik_softmax(sik_tensor x, int64_t dim, int32_t is_log, sik_tensor *out) {
    SIK_RESULT(out, is_log ? sik::get(x).log_softmax(dim) : sik::get(x).softmax(dim));
}

extern "C" sik_status sik_max_pool2d(sik_tensor x, const int64_t *kernel, const int64_t *stride,
                                     const int64_t *padding, const int64_t *dilation, int32_t ceil_mode,
                                     sik_tensor *out) {
    SIK_RESULT(out, at::max_pool2d(sik::get(x), pair(kernel), pair(stride), pair(padding), pair(dilation),
                                   ceil_mode != 0));
}

extern "C" sik_status sik_avg_pool2d(sik_tensor x, const int64_t *kernel, const int64_t *stride,
                                     const int64_t *padding, int32_t ceil_mode, int32_t count_include_pad,
                                     sik_tensor *out) {
    SIK_RESULT(out, at::avg_pool2d(sik::get(x), pair(kernel), pair(stride), pair(padding), ceil_mode != 0,
                                   count_include_pad != 0));
}

extern "C" sik_status sik_adaptive_avg_pool2d(sik_tensor x, int64_t out_h, int64_t out_w, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        int64_t size[2] = {out_h, out_w};
        return at::adaptive_avg_pool2d(sik::get(x), at::IntArrayRef(size, 2));
    }());
}

extern "C" sik_status sik_interpolate(sik_tensor x, int32_t mode, int64_t out_h, int64_t out_w,
                                      int32_t align_corners, double scale_h, double scale_w, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &v = sik::get(x);
        check_nchw(v, "interpolate");
        TORCH_CHECK(out_h > 0 && out_w > 0, "interpolate: output size must be positive, got (", out_h, ", ", out_w,
                    ")");
        int64_t size[2] = {out_h, out_w};
        at::IntArrayRef s(size, 2);
        std::optional<double> sh, sw;
        if (scale_h > 0) sh = scale_h;
        if (scale_w > 0) sw = scale_w;
        switch (mode) {
        case SIK_INTERP_NEAREST:
            TORCH_CHECK(!align_corners, "interpolate: align_corners only applies to bilinear and bicubic");
            return at::upsample_nearest2d(v, s, sh, sw);
        case SIK_INTERP_NEAREST_EXACT:
            TORCH_CHECK(!align_corners, "interpolate: align_corners only applies to bilinear and bicubic");
            return at::_upsample_nearest_exact2d(v, s, sh, sw);
        case SIK_INTERP_BILINEAR: return at::upsample_bilinear2d(v, s, align_corners != 0, sh, sw);
        case SIK_INTERP_BICUBIC: return at::upsample_bicubic2d(v, s, align_corners != 0, sh, sw);
        default: TORCH_CHECK(false, "unknown interpolation mode ", mode);
        }
    }());
}

extern "C" sik_status sik_sdpa(sik_tensor q, sik_tensor k, sik_tensor v, sik_tensor mask, int32_t is_causal,
                               sik_tensor *out) {
    SIK_RESULT(out, at::scaled_dot_product_attention(sik::get(q), sik::get(k), sik::get(v), sik::opt(mask), 0.0,
                                                     is_causal != 0));
}

extern "C" sik_status sik_cross_entropy(sik_tensor logits, sik_tensor target, sik_tensor weight, int32_t reduction,
                                        int64_t ignore_index, double label_smoothing, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &t = sik::get(target);
        TORCH_CHECK(t.scalar_type() == at::kLong, "cross_entropy: target must hold int64 class indices, got ",
                    t.scalar_type());
        TORCH_CHECK(reduction >= 0 && reduction <= 2, "unknown reduction ", reduction);
        return at::cross_entropy_loss(sik::get(logits), t, sik::opt(weight), reduction, ignore_index, label_smoothing);
    }());
}

extern "C" sik_status sik_bce_with_logits(sik_tensor logits, sik_tensor target, sik_tensor weight,
                                          sik_tensor pos_weight, int32_t reduction, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        TORCH_CHECK(reduction >= 0 && reduction <= 2, "unknown reduction ", reduction);
        return at::binary_cross_entropy_with_logits(sik::get(logits), sik::get(target), sik::opt(weight),
                                                    sik::opt(pos_weight), reduction);
    }());
}
