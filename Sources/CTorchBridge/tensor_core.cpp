// Tensor handles: codes, creation from host memory, seeded random creation, readback, conversion.
#include "sik_internal.hpp"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/Generator.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/bernoulli.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/full.h>
#include <ATen/ops/normal.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/uniform.h>
#include <cstring>
#include <sstream>
#include <string>

namespace sik {
at::ScalarType scalar_type(int32_t code) {
    switch (code) {
    case SIK_DTYPE_FLOAT32: return at::kFloat;
    case SIK_DTYPE_FLOAT16: return at::kHalf;
    case SIK_DTYPE_BFLOAT16: return at::kBFloat16;
    case SIK_DTYPE_INT64: return at::kLong;
    case SIK_DTYPE_UINT8: return at::kByte;
    case SIK_DTYPE_BOOL: return at::kBool;
    case SIK_DTYPE_FLOAT64: return at::kDouble;
    case SIK_DTYPE_INT32: return at::kInt;
    default: TORCH_CHECK(false, "unknown dtype code ", code);
    }
}

int32_t dtype_code(at::ScalarType type) {
    switch (type) {
    case at::kFloat: return SIK_DTYPE_FLOAT32;
    case at::kHalf: return SIK_DTYPE_FLOAT16;
    case at::kBFloat16: return SIK_DTYPE_BFLOAT16;
    case at::kLong: return SIK_DTYPE_INT64;
    case at::kByte: return SIK_DTYPE_UINT8;
    case at::kBool: return SIK_DTYPE_BOOL;
    case at::kDouble: return SIK_DTYPE_FLOAT64;
    case at::kInt: return SIK_DTYPE_INT32;
    default: return -1;
    }
}

at::Device device(int32_t type, int32_t index) {
    switch (type) {
    case SIK_DEVICE_CPU: return at::Device(at::kCPU);
    case SIK_DEVICE_CUDA: return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
    default: TORCH_CHECK(false, "unknown device type code ", type);
    }
}

at::MemoryFormat memory_format(int32_t code) {
    switch (code) {
    case SIK_FORMAT_CONTIGUOUS: return at::MemoryFormat::Contiguous;
    case SIK_FORMAT_CHANNELS_LAST: return at::MemoryFormat::ChannelsLast;
    default: TORCH_CHECK(false, "unknown memory format code ", code);
    }
}
}  // namespace sik

namespace {
at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
    return at::TensorOptions().dtype(sik::scalar_type(dtype)).device(sik::device(device_type, device_index));
}
}  // namespace

extern "C" void sik_tensor_free(sik_tensor t) { delete t; }

extern "C" int32_t sik_dtype_size(int32_t dtype) {
    try {
        return static_cast<int32_t>(c10::elementSize(sik::scalar_type(dtype)));
    } catch (...) {
        return 0;
    }
}

extern "C" sik_status sik_tensor_from_data(const void *data, int32_t dtype, const int64_t *dims, int32_t ndim,
                                           int32_t device_type, int32_t device_index, sik_tensor *out) {
    SIK_RESULT(out, [&] {
        auto shape = sik::dims(dims, ndim);
        for (auto d : shape) TORCH_CHECK(d >= 0, "negative size ", d, " in shape ", shape);
        auto cpu = at::empty(shape, at::TensorOptions().dtype(sik::scalar_type(dtype)));
        auto nbytes = cpu.nbytes();
        if (nbytes > 0) {
            TORCH_CHECK(data != nullptr, "data pointer is NULL");
            std::memcpy(cpu.data_ptr(), data, nbytes);
        }
        auto dev = sik::device(device_type, device_index);
        return dev.is_cpu() ? cpu : cpu.to(dev);
    }());
}

extern "C" sik_status sik_tensor_full(const int64_t *dims, int32_t ndim, double value, int32_t dtype,
                                      int32_t device_type, int32_t device_index, sik_tensor *out) {
    SIK_RESULT(out, at::full(sik::dims(dims, ndim), value, options(dtype, device_type, device_index)));
}

extern "C" sik_status sik_tensor_arange(double start, double end, double step, int32_t dtype,
                                        int32_t device_type, int32_t device_index, sik_tensor *out) {
    SIK_RESULT(out, at::arange(start, end, step, options(dtype, device_type, device_index)));
}

extern "C" sik_status sik_tensor_random(int32_t kind, const int64_t *dims, int32_t ndim, double a, double b,
                                        int32_t dtype, uint64_t seed, int32_t device_type, int32_t device_index,
                                        sik_tensor *out) {
    SIK_RESULT(out, [&] {
        at::Generator gen = at::detail::createCPUGenerator(seed);
        auto shape = sik::dims(dims, ndim);
        auto type = sik::scalar_type(dtype);
        at::Tensor cpu;
        switch (kind) {
        case SIK_RANDOM_UNIFORM:
            TORCH_CHECK(a < b, "uniform: low ", a, " must be below high ", b);
            cpu = at::empty(shape, at::TensorOptions().dtype(at::kFloat));
            cpu.uniform_(a, b, gen);
            break;
        case SIK_RANDOM_NORMAL:
            TORCH_CHECK(b >= 0, "normal: std must be non-negative, got ", b);
            cpu = at::empty(shape, at::TensorOptions().dtype(at::kFloat));
            cpu.normal_(a, b, gen);
            break;
        case SIK_RANDOM_RANDINT:
            TORCH_CHECK(a < b, "randint: low ", a, " must be below high ", b);
            cpu = at::randint(static_cast<int64_t>(a), static_cast<int64_t>(b), shape, gen,
                              at::TensorOptions().dtype(at::kLong));
            break;
        case SIK_RANDOM_BERNOULLI:
            TORCH_CHECK(a >= 0 && a <= 1, "bernoulli: p must be in [0, 1], got ", a);
            cpu = at::empty(shape, at::TensorOptions().dtype(at::kFloat));
            cpu.bernoulli_(a, gen);
            break;
        default: TORCH_CHECK(false, "unknown random kind ", kind);
        }
        return cpu.to(sik::device(device_type, device_index), type);
    }());
}

extern "C" int32_t sik_tensor_ndim(sik_tensor t) { return t ? static_cast<int32_t>(t->t.dim()) : 0; }

extern "C" void sik_tensor_dims(sik_tensor t, int64_t *dims) {
    if (!t || !dims) return;
    auto s = t->t.sizes();
    std::copy(s.begin(), s.end(), dims);
}

extern "C" void sik_tensor_strides(sik_tensor t, int64_t *strides) {
    if (!t || !strides) return;
    auto s = t->t.strides();
    std::copy(s.begin(), s.end(), strides);
}

extern "C" int64_t sik_tensor_numel(sik_tensor t) { return t ? t->t.numel() : 0; }

extern "C" int32_t sik_tensor_dtype(sik_tensor t) { return t ? sik::dtype_code(t->t.scalar_type()) : -1; }

extern "C" void sik_tensor_device(sik_tensor t, int32_t *device_type, int32_t *device_index) {
    if (!t) return;
    auto d = t->t.device();
    if (device_type) *device_type = d.is_cuda() ? SIK_DEVICE_CUDA : SIK_DEVICE_CPU;
    if (device_index) *device_index = d.has_index() ? d.index() : 0;
}

extern "C" int32_t sik_tensor_is_contiguous(sik_tensor t, int32_t format) {
    try {
        return t && t->t.is_contiguous(sik::memory_format(format)) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" sik_status sik_tensor_copy_data(sik_tensor t, int32_t dtype, void *dst, int64_t nbytes) {
    SIK_TRY({
        auto src = sik::get(t).detach().to(at::kCPU, sik::scalar_type(dtype)).contiguous();
        TORCH_CHECK(static_cast<int64_t>(src.nbytes()) == nbytes, "destination holds ", nbytes,
                    " bytes, tensor needs ", src.nbytes());
        if (nbytes > 0) {
            TORCH_CHECK(dst != nullptr, "destination pointer is NULL");
            std::memcpy(dst, src.data_ptr(), nbytes);
        }
    });
}

extern "C" sik_status sik_tensor_item(sik_tensor t, double *out) {
    SIK_TRY({
        const auto &x = sik::get(t);
        TORCH_CHECK(x.numel() == 1, "item() needs a tensor with one element, shape is ", x.sizes());
        *out = x.item<double>();
    });
}

extern "C" sik_status sik_tensor_to(sik_tensor t, int32_t dtype, int32_t device_type, int32_t device_index,
                                    sik_tensor *out) {
    SIK_RESULT(out, [&] {
        const auto &x = sik::get(t);
        auto type = dtype < 0 ? x.scalar_type() : sik::scalar_type(dtype);
        return x.to(sik::device(device_type, device_index), type);
    }());
}

extern "C" sik_status sik_tensor_contiguous(sik_tensor t, int32_t format, sik_tensor *out) {
    SIK_RESULT(out, sik::get(t).contiguous(sik::memory_format(format)));
}

extern "C" sik_status sik_tensor_clone(sik_tensor t, sik_tensor *out) { SIK_RESULT(out, sik::get(t).clone()); }

extern "C" sik_status sik_tensor_detach(sik_tensor t, sik_tensor *out) { SIK_RESULT(out, sik::get(t).detach()); }

extern "C" sik_status sik_tensor_share(sik_tensor t, sik_tensor *out) { SIK_RESULT(out, sik::get(t)); }

extern "C" sik_status sik_tensor_describe(sik_tensor t, char *buffer, int64_t capacity) {
    SIK_TRY({
        TORCH_CHECK(buffer != nullptr && capacity > 0, "description buffer is empty");
        std::ostringstream os;
        os << sik::get(t);
        auto s = os.str();
        auto n = std::min<int64_t>(static_cast<int64_t>(s.size()), capacity - 1);
        std::memcpy(buffer, s.data(), static_cast<size_t>(n));
        buffer[n] = 0;
    });
}
