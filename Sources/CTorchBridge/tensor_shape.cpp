// Shape, layout and indexing operations.
#include "sik_internal.hpp"

#include <ATen/ops/cat.h>
#include <ATen/ops/flip.h>
#include <ATen/ops/gather.h>
#include <ATen/ops/index_select.h>
#include <ATen/ops/masked_select.h>
#include <ATen/ops/pad.h>
#include <ATen/ops/rot90.h>
#include <ATen/ops/stack.h>

namespace {
std::vector<at::Tensor> tensors(const sik_tensor *ts, int32_t n) {
    TORCH_CHECK(n > 0, "needs at least one tensor, got ", n);
    TORCH_CHECK(ts != nullptr, "tensor list pointer is NULL");
    std::vector<at::Tensor> v;
    v.reserve(static_cast<size_t>(n));
    for (int32_t i = 0; i < n; ++i) v.push_back(sik::get(ts[i]));
    return v;
}
}  // namespace

extern "C" sik_status sik_tensor_reshape(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).reshape(sik::dims(dims, ndim)));
}

extern "C" sik_status sik_tensor_view(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).view(sik::dims(dims, ndim)));
}

extern "C" sik_status sik_tensor_permute(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).permute(sik::dims(dims, ndim)));
}

extern "C" sik_status sik_tensor_transpose(sik_tensor t, int64_t dim0, int64_t dim1, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).transpose(dim0, dim1));
}

extern "C" sik_status sik_tensor_squeeze(sik_tensor t, int64_t dim, int32_t all, sik_tensor *out) {
    SIK_RESULT(out, all ? sik::get(t).squeeze() : sik::get(t).squeeze(dim));
}

extern "C" sik_status sik_tensor_unsqueeze(sik_tensor t, int64_t dim, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).unsqueeze(dim));
}

extern "C" sik_status sik_tensor_narrow(sik_tensor t, int64_t dim, int64_t start, int64_t length, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).narrow(dim, start, length));
}

extern "C" sik_status sik_tensor_slice(sik_tensor t, int64_t dim, int64_t start, int64_t end, int64_t step,
                                       sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).slice(dim, start, end, step));
}

extern "C" sik_status sik_tensor_select(sik_tensor t, int64_t dim, int64_t index, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).select(dim, index));
}

extern "C" sik_status sik_tensor_cat(const sik_tensor *ts, int32_t n, int64_t dim, sik_tensor *out) {
    SIK_RESULT(out, at::cat(tensors(ts, n), dim));
}

extern "C" sik_status sik_tensor_stack(const sik_tensor *ts, int32_t n, int64_t dim, sik_tensor *out) {
    SIK_RESULT(out, at::stack(tensors(ts, n), dim));
}

extern "C" sik_status sik_tensor_pad(sik_tensor t, const int64_t *pads, int32_t npads, int32_t mode, double value,
                                     sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const char *name = nullptr;
        switch (mode) {
        case SIK_PAD_CONSTANT: name = "constant"; break;
        case SIK_PAD_REFLECT: name = "reflect"; break;
        case SIK_PAD_REPLICATE: name = "replicate"; break;
        case SIK_PAD_CIRCULAR: name = "circular"; break;
        default: TORCH_CHECK(false, "unknown padding mode ", mode);
        }
        std::optional<double> v;
        if (mode == SIK_PAD_CONSTANT) v = value;
        return at::pad(sik::get(t), sik::dims(pads, npads), name, v);
    }());
}

extern "C" sik_status sik_tensor_flip(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out) {
    SIK_RESULT(out, at::flip(sik::get(t), sik::dims(dims, ndim)));
}

extern "C" sik_status sik_tensor_rot90(sik_tensor t, int64_t k, int64_t dim0, int64_t dim1, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        int64_t d[2] = {dim0, dim1};
        return at::rot90(sik::get(t), k, at::IntArrayRef(d, 2));
    }());
}

extern "C" sik_status sik_tensor_expand(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).expand(sik::dims(dims, ndim)));
}

extern "C" sik_status sik_tensor_repeat(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).repeat(sik::dims(dims, ndim)));
}

extern "C" sik_status sik_tensor_index_select(sik_tensor t, int64_t dim, sik_tensor index, sik_tensor *out) {
    SIK_RESULT(out, at::index_select(sik::get(t), dim, sik::get(index)));
}

extern "C" sik_status sik_tensor_gather(sik_tensor t, int64_t dim, sik_tensor index, sik_tensor *out) {
    SIK_RESULT(out, at::gather(sik::get(t), dim, sik::get(index)));
}

extern "C" sik_status sik_tensor_masked_select(sik_tensor t, sik_tensor mask, sik_tensor *out) {
    SIK_RESULT(out, at::masked_select(sik::get(t), sik::get(mask)));
}

extern "C" sik_status sik_tensor_flatten(sik_tensor t, int64_t start_dim, int64_t end_dim, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).flatten(start_dim, end_dim));
}
