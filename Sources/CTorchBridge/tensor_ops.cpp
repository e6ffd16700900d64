// Element-wise maths, comparisons, reductions and linear algebra.
#include "sik_internal.hpp"

#include <ATen/ScalarOps.h>
#include <ATen/ops/atan2.h>
#include <ATen/ops/bmm.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/isfinite.h>
#include <ATen/ops/isnan.h>
#include <ATen/ops/logical_and.h>
#include <ATen/ops/logical_or.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/maximum.h>
#include <ATen/ops/minimum.h>
#include <ATen/ops/nan_to_num.h>
#include <ATen/ops/one_hot.h>
#include <ATen/ops/silu.h>
#include <ATen/ops/std.h>
#include <ATen/ops/var.h>
#include <ATen/ops/where.h>

namespace {
at::Tensor unary(int32_t op, const at::Tensor &x) {
    switch (op) {
    case SIK_UNARY_NEG: return x.neg();
    case SIK_UNARY_EXP: return x.exp();
    case SIK_UNARY_LOG: return x.log();
    case SIK_UNARY_SQRT: return x.sqrt();
    case SIK_UNARY_RSQRT: return x.rsqrt();
    case SIK_UNARY_ABS: return x.abs();
    case SIK_UNARY_SIN: return x.sin();
    case SIK_UNARY_COS: return x.cos();
    case SIK_UNARY_SQUARE: return x.square();
    case SIK_UNARY_SIGN: return x.sign();
    case SIK_UNARY_FLOOR: return x.floor();
    case SIK_UNARY_CEIL: return x.ceil();
    case SIK_UNARY_ROUND: return x.round();
    case SIK_UNARY_LOGICAL_NOT: return x.logical_not();
    case SIK_UNARY_ISNAN: return at::isnan(x);
    case SIK_UNARY_SIGMOID: return x.sigmoid();
    case SIK_UNARY_TANH: return x.tanh();
    case SIK_UNARY_RELU: return x.relu();
    case SIK_UNARY_LOG1P: return x.log1p();
    case SIK_UNARY_RECIPROCAL: return x.reciprocal();
    case SIK_UNARY_SILU: return at::silu(x);
    case SIK_UNARY_ISFINITE: return at::isfinite(x);
    default: TORCH_CHECK(false, "unknown unary op ", op);
    }
}

at::Tensor binary(int32_t op, const at::Tensor &a, const at::Tensor &b) {
    switch (op) {
    case SIK_BINARY_ADD: return a.add(b);
    case SIK_BINARY_SUB: return a.sub(b);
    case SIK_BINARY_MUL: return a.mul(b);
    case SIK_BINARY_DIV: return a.div(b);
    case SIK_BINARY_POW: return a.pow(b);
    case SIK_BINARY_EQ: return a.eq(b);
    case SIK_BINARY_NE: return a.ne(b);
    case SIK_BINARY_LT: return a.lt(b);
    case SIK_BINARY_LE: return a.le(b);
    case SIK_BINARY_GT: return a.gt(b);
    case SIK_BINARY_GE: return a.ge(b);
    case SIK_BINARY_LOGICAL_AND: return at::logical_and(a, b);
    case SIK_BINARY_LOGICAL_OR: return at::logical_or(a, b);
    case SIK_BINARY_MAXIMUM: return at::maximum(a, b);
    case SIK_BINARY_MINIMUM: return at::minimum(a, b);
    case SIK_BINARY_MATMUL: return at::matmul(a, b);
    case SIK_BINARY_BMM: return at::bmm(a, b);
    case SIK_BINARY_ATAN2: return at::atan2(a, b);
    default: TORCH_CHECK(false, "unknown binary op ", op);
    }
}
}  // namespace

extern "C" sik_status sik_unary(int32_t op, sik_tensor t, sik_tensor *out) { SIK_RESULT(out, unary(op, sik::get(t))); }

extern "C" sik_status sik_binary(int32_t op, sik_tensor a, sik_tensor b, sik_tensor *out) {
    SIK_RESULT(out, binary(op, sik::get(a), sik::get(b)));
}

extern "C" sik_status sik_binary_scalar(int32_t op, sik_tensor t, double s, int32_t scalar_first, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &x = sik::get(t);
        // A wrapped number takes part in type promotion like a Python scalar (int tensor · 0.5 → float).
        auto scalar = at::native::wrapped_scalar_tensor(s, x.device());
        return scalar_first ? binary(op, scalar, x) : binary(op, x, scalar);
    }());
}

extern "C" sik_status sik_clamp(sik_tensor t, int32_t has_min, double min, int32_t has_max, double max,
                                sik_tensor *out) {
    SIK_RESULT(out, [&] {
        TORCH_CHECK(has_min || has_max, "clamp needs a minimum or a maximum");
        std::optional<at::Scalar> lo, hi;
        if (has_min) lo = min;
        if (has_max) hi = max;
        return at::clamp(sik::get(t), lo, hi);
    }());
}

extern "C" sik_status sik_where(sik_tensor cond, sik_tensor a, double a_value, sik_tensor b, double b_value,
                                sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &c = sik::get(cond);
        TORCH_CHECK(c.scalar_type() == at::kBool, "where: condition must be bool, got ", c.scalar_type());
        if (a && b) return at::where(c, a->t, b->t);
        if (a) return at::where(c, a->t, at::Scalar(b_value));
        if (b) return at::where(c, at::Scalar(a_value), b->t);
        return at::where(c, at::Scalar(a_value), at::Scalar(b_value));
    }());
}

extern "C" sik_status sik_masked_fill(sik_tensor t, sik_tensor mask, double value, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &m = sik::get(mask);
        TORCH_CHECK(m.scalar_type() == at::kBool, "masked_fill: mask must be bool, got ", m.scalar_type());
        return sik::get(t).masked_fill(m, value);
    }());
}

extern "C" sik_status sik_nan_to_num(sik_tensor t, double nan, int32_t has_posinf, double posinf,
                                     int32_t has_neginf, double neginf, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        std::optional<double> p, n;
        if (has_posinf) p = posinf;
        if (has_neginf) n = neginf;
        return at::nan_to_num(sik::get(t), nan, p, n);
    }());
}

extern "C" sik_status sik_reduce(int32_t op, sik_tensor t, const int64_t *dims, int32_t ndim, int32_t keepdim,
                                 sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &x = sik::get(t);
        auto d = sik::dims(dims, ndim);
        bool all = ndim == 0;
        switch (op) {
        case SIK_REDUCE_SUM: return all ? x.sum() : x.sum(d, keepdim != 0);
        case SIK_REDUCE_MEAN: return all ? x.mean() : x.mean(d, keepdim != 0);
        case SIK_REDUCE_AMAX: return all ? x.max() : x.amax(d, keepdim != 0);
        case SIK_REDUCE_AMIN: return all ? x.min() : x.amin(d, keepdim != 0);
        case SIK_REDUCE_PROD:
            TORCH_CHECK(ndim <= 1, "prod reduces over one dimension at most, got ", ndim);
            return all ? x.prod() : x.prod(d[0], keepdim != 0);
        default: TORCH_CHECK(false, "unknown reduction ", op);
        }
    }());
}

extern "C" sik_status sik_var_std(sik_tensor t, const int64_t *dims, int32_t ndim, int32_t keepdim, double correction,
                                  int32_t is_std, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &x = sik::get(t);
        at::OptionalIntArrayRef d;
        if (ndim > 0) d = sik::dims(dims, ndim);
        std::optional<at::Scalar> c = at::Scalar(correction);
        return is_std ? at::std(x, d, c, keepdim != 0) : at::var(x, d, c, keepdim != 0);
    }());
}

extern "C" sik_status sik_max_dim(sik_tensor t, int64_t dim, int32_t keepdim, int32_t is_min, sik_tensor *values,
                                  sik_tensor *indices) {
    SIK_TRY({
        TORCH_CHECK(values != nullptr && indices != nullptr, "output pointer is NULL");
        auto r = is_min ? sik::get(t).min(dim, keepdim != 0) : sik::get(t).max(dim, keepdim != 0);
        *values = sik::wrap(std::get<0>(r));
        *indices = sik::wrap(std::get<1>(r));
    });
}

extern "C" sik_status sik_argmax(sik_tensor t, int64_t dim, int32_t has_dim, int32_t keepdim, int32_t is_min,
                                 sik_tensor *out) {
    SIK_RESULT(out, [&] {
        std::optional<int64_t> d;
        if (has_dim) d = dim;
        return is_min ? sik::get(t).argmin(d, keepdim != 0) : sik::get(t).argmax(d, keepdim != 0);
    }());
}

extern "C" sik_status sik_one_hot(sik_tensor t, int64_t num_classes, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &x = sik::get(t);
        TORCH_CHECK(x.scalar_type() == at::kLong, "one_hot needs an int64 tensor, got ", x.scalar_type());
        return at::one_hot(x, num_classes);
    }());
}

extern "C" sik_status sik_cumsum(sik_tensor t, int64_t dim, sik_tensor *out) { SIK_RESULT(out, sik::get(t).cumsum(dim)); }
