/// C interface over libtorch for SeaIceKit.
///
/// Every symbol carries the `sik_` prefix. Native objects are opaque handles that the caller
/// frees with the matching `*_free` function. Every function that can fail returns a status
/// (0 = success); on failure the message of the C++ exception that was caught is available
/// from `sik_last_error()` (thread-local, valid until the next failing call on that thread).
///
/// Conventions for tensors:
/// - Results are written through `sik_tensor *out`; each one is a new handle owned by the caller.
/// - Shapes are `const int64_t *dims, int32_t ndim`.
/// - dtype codes: see `SIK_DTYPE_*`. device: `device_type` (0 = CPU, 1 = CUDA) + `device_index`.
/// - Optional tensor arguments may be NULL.
#ifndef SIK_TORCH_H
#define SIK_TORCH_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status code: 0 on success, non-zero when a C++ exception was caught.
typedef int32_t sik_status;

/// The message of the last error raised on the calling thread ("" when none).
const char *sik_last_error(void);

/// The libtorch version string, e.g. "2.13.0".
const char *sik_torch_version(void);

/// 1 when libtorch can use a CUDA device on this machine, else 0.
/// The first call tries to load libtorch_cuda.so from beside libtorch_cpu.so.
int32_t sik_cuda_available(void);

/// Number of CUDA devices (0 when CUDA is unavailable).
int32_t sik_cuda_device_count(void);

/// Sets libtorch's intra-op thread count.
sik_status sik_set_num_threads(int32_t threads);

/// libtorch's intra-op thread count.
int32_t sik_get_num_threads(void);

/// Installs (once) a caching allocator for CPU tensors: blocks of at least 1 MiB are kept when
/// freed, in lists by exact size, and handed out again for the next request of that size, so
/// the activations a training step frees and allocates again every iteration reuse resident
/// pages instead of fresh, page-faulting `mmap`s (glibc maps every block over 32 MiB). At most
/// `limit_bytes` are kept (further frees go back to the C library). Smaller blocks and tensors
/// allocated before the call are untouched. Process-wide; a later call only changes the limit.
sik_status sik_host_cache_enable(int64_t limit_bytes);

/// Frees every cached block (tensors in use are untouched).
void sik_host_cache_release(void);

/// Bytes currently held in the cache (free, reusable blocks).
int64_t sik_host_cache_bytes(void);

// MARK: - Codes

/// dtype codes (the raw values of Swift's `DType`).
enum {
    SIK_DTYPE_FLOAT32 = 0,
    SIK_DTYPE_FLOAT16 = 1,
    SIK_DTYPE_BFLOAT16 = 2,
    SIK_DTYPE_INT64 = 3,
    SIK_DTYPE_UINT8 = 4,
    SIK_DTYPE_BOOL = 5,
    SIK_DTYPE_FLOAT64 = 6,
    SIK_DTYPE_INT32 = 7,
};

/// Device type codes.
enum { SIK_DEVICE_CPU = 0, SIK_DEVICE_CUDA = 1 };

/// Memory format codes: 0 = contiguous (NCHW strides), 1 = channels-last (NHWC strides).
enum { SIK_FORMAT_CONTIGUOUS = 0, SIK_FORMAT_CHANNELS_LAST = 1 };

/// Element-wise unary operations for `sik_unary`.
enum {
    SIK_UNARY_NEG = 0, SIK_UNARY_EXP, SIK_UNARY_LOG, SIK_UNARY_SQRT, SIK_UNARY_RSQRT,
    SIK_UNARY_ABS, SIK_UNARY_SIN, SIK_UNARY_COS, SIK_UNARY_SQUARE, SIK_UNARY_SIGN,
    SIK_UNARY_FLOOR, SIK_UNARY_CEIL, SIK_UNARY_ROUND, SIK_UNARY_LOGICAL_NOT, SIK_UNARY_ISNAN,
    SIK_UNARY_SIGMOID, SIK_UNARY_TANH, SIK_UNARY_RELU, SIK_UNARY_LOG1P, SIK_UNARY_RECIPROCAL,
    SIK_UNARY_SILU, SIK_UNARY_ISFINITE,
};

/// Binary operations for `sik_binary` / `sik_binary_scalar` (broadcasting, type promotion as in PyTorch).
enum {
    SIK_BINARY_ADD = 0, SIK_BINARY_SUB, SIK_BINARY_MUL, SIK_BINARY_DIV, SIK_BINARY_POW,
    SIK_BINARY_EQ, SIK_BINARY_NE, SIK_BINARY_LT, SIK_BINARY_LE, SIK_BINARY_GT, SIK_BINARY_GE,
    SIK_BINARY_LOGICAL_AND, SIK_BINARY_LOGICAL_OR, SIK_BINARY_MAXIMUM, SIK_BINARY_MINIMUM,
    SIK_BINARY_MATMUL, SIK_BINARY_BMM, SIK_BINARY_ATAN2,
};

/// Reductions for `sik_reduce`.
enum { SIK_REDUCE_SUM = 0, SIK_REDUCE_MEAN, SIK_REDUCE_AMAX, SIK_REDUCE_AMIN, SIK_REDUCE_PROD };

/// Random distributions for `sik_tensor_random`:
/// UNIFORM [a, b); NORMAL mean a, std b; RANDINT integers in [a, b); BERNOULLI p = a.
enum { SIK_RANDOM_UNIFORM = 0, SIK_RANDOM_NORMAL, SIK_RANDOM_RANDINT, SIK_RANDOM_BERNOULLI };

/// Padding modes for `sik_tensor_pad`.
enum { SIK_PAD_CONSTANT = 0, SIK_PAD_REFLECT, SIK_PAD_REPLICATE, SIK_PAD_CIRCULAR };

/// In-place operations for `sik_inplace` (t op= other · alpha) and `sik_inplace_scalar` (t op= s).
enum {
    SIK_INPLACE_ADD = 0, SIK_INPLACE_SUB, SIK_INPLACE_MUL, SIK_INPLACE_DIV, SIK_INPLACE_COPY,
    SIK_INPLACE_FILL, SIK_INPLACE_ZERO, SIK_INPLACE_SQRT, SIK_INPLACE_CLAMP_MIN, SIK_INPLACE_CLAMP_MAX,
};

/// Interpolation modes for `sik_interpolate`.
enum { SIK_INTERP_NEAREST = 0, SIK_INTERP_BILINEAR, SIK_INTERP_NEAREST_EXACT, SIK_INTERP_BICUBIC };

/// Activations for `sik_activation` (param: negative slope for LEAKY_RELU, 1 = tanh approximation for GELU).
enum {
    SIK_ACT_RELU = 0, SIK_ACT_LEAKY_RELU, SIK_ACT_GELU, SIK_ACT_SIGMOID, SIK_ACT_TANH, SIK_ACT_SILU,
    SIK_ACT_ELU, SIK_ACT_SOFTPLUS,
};

/// Loss reductions: 0 = none, 1 = mean, 2 = sum (PyTorch's `at::Reduction`).
enum { SIK_REDUCTION_NONE = 0, SIK_REDUCTION_MEAN = 1, SIK_REDUCTION_SUM = 2 };

// MARK: - Handles, creation, readback (tensor_core.cpp)

/// Opaque handle to a heap-allocated `at::Tensor`.
typedef struct sik_tensor_s *sik_tensor;

/// Frees a tensor handle (NULL is ignored).
void sik_tensor_free(sik_tensor t);

/// Size in bytes of one element of `dtype` (0 for an unknown code).
int32_t sik_dtype_size(int32_t dtype);

/// Copies `numel(dims)` elements of `dtype` from host memory `data` (C-contiguous, native endian)
/// into a new tensor on the given device.
sik_status sik_tensor_from_data(const void *data, int32_t dtype, const int64_t *dims, int32_t ndim,
                                int32_t device_type, int32_t device_index, sik_tensor *out);

/// A tensor of shape `dims` filled with `value`.
sik_status sik_tensor_full(const int64_t *dims, int32_t ndim, double value, int32_t dtype,
                           int32_t device_type, int32_t device_index, sik_tensor *out);

/// `[start, start + step, …)` below `end` (PyTorch's `arange`).
sik_status sik_tensor_arange(double start, double end, double step, int32_t dtype,
                             int32_t device_type, int32_t device_index, sik_tensor *out);

/// Random tensor drawn on the CPU from a private generator seeded with `seed`, then moved to the device.
sik_status sik_tensor_random(int32_t kind, const int64_t *dims, int32_t ndim, double a, double b,
                             int32_t dtype, uint64_t seed, int32_t device_type, int32_t device_index,
                             sik_tensor *out);

/// Number of dimensions.
int32_t sik_tensor_ndim(sik_tensor t);
/// Writes the `ndim` sizes into `dims`.
void sik_tensor_dims(sik_tensor t, int64_t *dims);
/// Writes the `ndim` strides (in elements) into `strides`.
void sik_tensor_strides(sik_tensor t, int64_t *strides);
/// Number of elements.
int64_t sik_tensor_numel(sik_tensor t);
/// dtype code (-1 for a dtype outside `SIK_DTYPE_*`).
int32_t sik_tensor_dtype(sik_tensor t);
/// Device type and index.
void sik_tensor_device(sik_tensor t, int32_t *device_type, int32_t *device_index);
/// 1 when contiguous in memory format `format`.
int32_t sik_tensor_is_contiguous(sik_tensor t, int32_t format);

/// Converts to `dtype`, moves to the CPU, and copies the C-contiguous elements into `dst` (`nbytes` long).
sik_status sik_tensor_copy_data(sik_tensor t, int32_t dtype, void *dst, int64_t nbytes);
/// The single element of a one-element tensor, as a double.
sik_status sik_tensor_item(sik_tensor t, double *out);
/// Converts dtype (-1 keeps it) and moves to a device.
sik_status sik_tensor_to(sik_tensor t, int32_t dtype, int32_t device_type, int32_t device_index, sik_tensor *out);
/// A copy with the given memory format's strides (`contiguous(memory_format)`).
sik_status sik_tensor_contiguous(sik_tensor t, int32_t format, sik_tensor *out);
/// A copy that does not share storage.
sik_status sik_tensor_clone(sik_tensor t, sik_tensor *out);
/// A handle to the same storage, detached from the autograd graph.
sik_status sik_tensor_detach(sik_tensor t, sik_tensor *out);
/// A new handle to the same tensor (shares storage and autograd identity).
sik_status sik_tensor_share(sik_tensor t, sik_tensor *out);
/// Writes libtorch's printout of the tensor (truncated to `capacity - 1` bytes) into `buffer`.
sik_status sik_tensor_describe(sik_tensor t, char *buffer, int64_t capacity);

// MARK: - Shape and indexing (tensor_shape.cpp)

sik_status sik_tensor_reshape(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out);
sik_status sik_tensor_view(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out);
sik_status sik_tensor_permute(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out);
sik_status sik_tensor_transpose(sik_tensor t, int64_t dim0, int64_t dim1, sik_tensor *out);
/// Removes dimension `dim` of size 1; `all` = 1 removes every size-1 dimension.
sik_status sik_tensor_squeeze(sik_tensor t, int64_t dim, int32_t all, sik_tensor *out);
sik_status sik_tensor_unsqueeze(sik_tensor t, int64_t dim, sik_tensor *out);
sik_status sik_tensor_narrow(sik_tensor t, int64_t dim, int64_t start, int64_t length, sik_tensor *out);
/// `t[..., start:end:step, ...]` along `dim` (a view).
sik_status sik_tensor_slice(sik_tensor t, int64_t dim, int64_t start, int64_t end, int64_t step, sik_tensor *out);
/// `t.select(dim, index)`: removes `dim`, keeping entry `index`.
sik_status sik_tensor_select(sik_tensor t, int64_t dim, int64_t index, sik_tensor *out);
sik_status sik_tensor_cat(const sik_tensor *ts, int32_t n, int64_t dim, sik_tensor *out);
sik_status sik_tensor_stack(const sik_tensor *ts, int32_t n, int64_t dim, sik_tensor *out);
/// `F.pad`: `pads` are (left, right) pairs starting from the LAST dimension.
sik_status sik_tensor_pad(sik_tensor t, const int64_t *pads, int32_t npads, int32_t mode, double value, sik_tensor *out);
sik_status sik_tensor_flip(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out);
sik_status sik_tensor_rot90(sik_tensor t, int64_t k, int64_t dim0, int64_t dim1, sik_tensor *out);
sik_status sik_tensor_expand(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out);
sik_status sik_tensor_repeat(sik_tensor t, const int64_t *dims, int32_t ndim, sik_tensor *out);
sik_status sik_tensor_index_select(sik_tensor t, int64_t dim, sik_tensor index, sik_tensor *out);
sik_status sik_tensor_gather(sik_tensor t, int64_t dim, sik_tensor index, sik_tensor *out);
sik_status sik_tensor_masked_select(sik_tensor t, sik_tensor mask, sik_tensor *out);
/// `t.flatten(start_dim, end_dim)`.
sik_status sik_tensor_flatten(sik_tensor t, int64_t start_dim, int64_t end_dim, sik_tensor *out);

// MARK: - Element-wise, reductions, linear algebra (tensor_ops.cpp)

sik_status sik_unary(int32_t op, sik_tensor t, sik_tensor *out);
sik_status sik_binary(int32_t op, sik_tensor a, sik_tensor b, sik_tensor *out);
/// `t op s` (or `s op t` when `scalar_first` = 1); `s` behaves like a Python number in type promotion.
sik_status sik_binary_scalar(int32_t op, sik_tensor t, double s, int32_t scalar_first, sik_tensor *out);
sik_status sik_clamp(sik_tensor t, int32_t has_min, double min, int32_t has_max, double max, sik_tensor *out);
/// `where(cond, a, b)`; `a`/`b` may be NULL, then `a_value`/`b_value` is used.
sik_status sik_where(sik_tensor cond, sik_tensor a, double a_value, sik_tensor b, double b_value, sik_tensor *out);
sik_status sik_masked_fill(sik_tensor t, sik_tensor mask, double value, sik_tensor *out);
sik_status sik_nan_to_num(sik_tensor t, double nan, int32_t has_posinf, double posinf,
                          int32_t has_neginf, double neginf, sik_tensor *out);
/// Reduction over `dims` (`ndim` = 0: over all elements, result 0-dim).
sik_status sik_reduce(int32_t op, sik_tensor t, const int64_t *dims, int32_t ndim, int32_t keepdim, sik_tensor *out);
/// Variance (`is_std` = 0) or standard deviation over `dims` (`ndim` = 0: all) with `correction` (1 = unbiased).
sik_status sik_var_std(sik_tensor t, const int64_t *dims, int32_t ndim, int32_t keepdim, double correction,
                       int32_t is_std, sik_tensor *out);
/// `max(dim)` (or `min` when `is_min` = 1): values and int64 indices.
sik_status sik_max_dim(sik_tensor t, int64_t dim, int32_t keepdim, int32_t is_min, sik_tensor *values, sik_tensor *indices);
/// `argmax` (`argmin` when `is_min` = 1) over `dim`, or over the flattened tensor when `has_dim` = 0.
sik_status sik_argmax(sik_tensor t, int64_t dim, int32_t has_dim, int32_t keepdim, int32_t is_min, sik_tensor *out);
/// One-hot encoding of an int64 tensor: shape + [num_classes], int64.
sik_status sik_one_hot(sik_tensor t, int64_t num_classes, sik_tensor *out);
/// Cumulative sum along `dim`.
sik_status sik_cumsum(sik_tensor t, int64_t dim, sik_tensor *out);

// MARK: - Autograd and in-place updates (autograd.cpp)

sik_status sik_set_requires_grad(sik_tensor t, int32_t flag);
int32_t sik_requires_grad(sik_tensor t);
int32_t sik_is_leaf(sik_tensor t);
/// Back-propagates from `t` (`gradient` NULL: `t` must hold one element).
sik_status sik_backward(sik_tensor t, sik_tensor gradient, int32_t retain_graph);
/// The accumulated gradient; `*out` is NULL when there is none.
sik_status sik_grad(sik_tensor t, sik_tensor *out);
/// Drops the accumulated gradient (PyTorch's `zero_grad(set_to_none=True)`).
sik_status sik_zero_grad(sik_tensor t);
/// 1 when gradient recording is enabled on the calling thread.
int32_t sik_grad_enabled(void);
/// Enables or disables gradient recording on the calling thread.
void sik_set_grad_enabled(int32_t enabled);
/// `t op= other · alpha` (ADD, SUB), `t op= other` (MUL, DIV, COPY); ignores `other` for ZERO/SQRT.
sik_status sik_inplace(int32_t op, sik_tensor t, sik_tensor other, double alpha);
/// `t op= s` (ADD, SUB, MUL, DIV, FILL, CLAMP_MIN, CLAMP_MAX; ZERO/SQRT ignore `s`).
sik_status sik_inplace_scalar(int32_t op, sik_tensor t, double s);
/// `t += value · a · b` (`is_div` = 0) or `t += value · a / b` (`is_div` = 1).
sik_status sik_addc_inplace(sik_tensor t, sik_tensor a, sik_tensor b, double value, int32_t is_div);
/// `t += weight · (end − t)`.
sik_status sik_lerp_inplace(sik_tensor t, sik_tensor end, double weight);

// MARK: - Autocast and loss scaling (autocast.cpp)

/// The autocast settings of one device type on the calling thread, as `torch.autocast.__enter__`
/// saves them; `sik_autocast_enter` fills it and `sik_autocast_exit` puts it back.
typedef struct {
    /// `SIK_DEVICE_*` code of the device type these settings belong to.
    int32_t device_type;
    /// 1 when autocast was enabled for `device_type`.
    int32_t enabled;
    /// `SIK_DTYPE_*` code of the lower-precision type autocast casts to on `device_type`.
    int32_t dtype;
    /// 1 when casts of leaf tensors (weights) were being cached.
    int32_t cache_enabled;
} sik_autocast_state;

/// 1 when autocast is enabled for `device_type` (`SIK_DEVICE_*`) on the calling thread, else 0.
int32_t sik_autocast_enabled(int32_t device_type);
/// `SIK_DTYPE_*` code of the type autocast casts to on `device_type` (-1 for an unknown device type).
int32_t sik_autocast_dtype(int32_t device_type);
/// Enters an autocast region on the calling thread exactly as `torch.autocast(device_type, dtype,
/// enabled)` does: saves the current settings in `*previous`, sets enabled (1) or disabled (0) and
/// `dtype` (`SIK_DTYPE_FLOAT16` or `SIK_DTYPE_BFLOAT16`) for `device_type`, increments the nesting
/// level and enables the weight-cast cache. Every successful call must be paired with
/// `sik_autocast_exit(previous)` on the same thread.
sik_status sik_autocast_enter(int32_t device_type, int32_t enabled, int32_t dtype, sik_autocast_state *previous);
/// Leaves an autocast region: decrements the nesting level, clears the weight-cast cache when the
/// outermost region ends, and restores the settings saved by `sik_autocast_enter`.
sik_status sik_autocast_exit(const sik_autocast_state *previous);
/// Drops the cached lower-precision copies of weights (`torch.clear_autocast_cache()`).
void sik_autocast_clear_cache(void);
/// GradScaler's unscale step: multiplies each of the `n` tensors (gradients; NULL entries are
/// skipped) by `inv_scale` in place and sets `*found_non_finite` to 1 when any element of any of
/// them was NaN or ±∞, else 0. One fused `_amp_foreach_non_finite_check_and_unscale_` per device
/// and dtype; reading the flag synchronises with the device.
sik_status sik_amp_unscale(const sik_tensor *grads, int32_t n, double inv_scale, int32_t *found_non_finite);

// MARK: - Neural-network functions and losses (nn_functional.cpp)

/// `F.conv2d`; x NCHW, weight [Cout, Cin/groups, kH, kW]; stride/padding/dilation are (h, w).
sik_status sik_conv2d(sik_tensor x, sik_tensor weight, sik_tensor bias, const int64_t *stride,
                      const int64_t *padding, const int64_t *dilation, int64_t groups, sik_tensor *out);
/// Inference-only fused `relu(conv2d(x))`: on CPU float32 without autograd, one oneDNN convolution
/// with a ReLU post-op (`mkldnn::_convolution_pointwise`, the kernel torch.compile uses on CPU);
/// elsewhere (CUDA, other dtypes, gradients required, op unavailable) conv2d followed by ReLU.
/// `*fused` (may be NULL) is set to 1 when the oneDNN kernel ran.
sik_status sik_conv2d_relu(sik_tensor x, sik_tensor weight, sik_tensor bias, const int64_t *stride,
                           const int64_t *padding, const int64_t *dilation, int64_t groups, sik_tensor *out,
                           int32_t *fused);
/// `F.conv_transpose2d`; weight [Cin, Cout/groups, kH, kW].
sik_status sik_conv_transpose2d(sik_tensor x, sik_tensor weight, sik_tensor bias, const int64_t *stride,
                                const int64_t *padding, const int64_t *output_padding, const int64_t *dilation,
                                int64_t groups, sik_tensor *out);
/// `F.batch_norm`; running stats (may be NULL) are updated in place when training.
sik_status sik_batch_norm(sik_tensor x, sik_tensor running_mean, sik_tensor running_var, sik_tensor weight,
                          sik_tensor bias, int32_t training, double momentum, double eps, sik_tensor *out);
sik_status sik_layer_norm(sik_tensor x, const int64_t *normalized_shape, int32_t ndim, sik_tensor weight,
                          sik_tensor bias, double eps, sik_tensor *out);
sik_status sik_group_norm(sik_tensor x, int64_t groups, sik_tensor weight, sik_tensor bias, double eps, sik_tensor *out);
/// `F.linear`: x [..., in], weight [out, in].
sik_status sik_linear(sik_tensor x, sik_tensor weight, sik_tensor bias, sik_tensor *out);
sik_status sik_activation(int32_t op, sik_tensor x, double param, sik_tensor *out);
/// Softmax (`is_log` = 0) or log-softmax along `dim`.
sik_status sik_softmax(sik_tensor x, int64_t dim, int32_t is_log, sik_tensor *out);
sik_status sik_max_pool2d(sik_tensor x, const int64_t *kernel, const int64_t *stride, const int64_t *padding,
                          const int64_t *dilation, int32_t ceil_mode, sik_tensor *out);
sik_status sik_avg_pool2d(sik_tensor x, const int64_t *kernel, const int64_t *stride, const int64_t *padding,
                          int32_t ceil_mode, int32_t count_include_pad, sik_tensor *out);
sik_status sik_adaptive_avg_pool2d(sik_tensor x, int64_t out_h, int64_t out_w, sik_tensor *out);
/// Resizes NCHW `x` to (out_h, out_w); `scale_h`/`scale_w` > 0 are passed to the kernel as in
/// `F.interpolate(scale_factor=…)`, which changes the sampling positions.
sik_status sik_interpolate(sik_tensor x, int32_t mode, int64_t out_h, int64_t out_w, int32_t align_corners,
                           double scale_h, double scale_w, sik_tensor *out);
/// `F.scaled_dot_product_attention` without dropout; `mask` (bool: keep, float: added) may be NULL.
sik_status sik_sdpa(sik_tensor q, sik_tensor k, sik_tensor v, sik_tensor mask, int32_t is_causal, sik_tensor *out);
/// `F.cross_entropy`; logits [N, C] or [N, C, H, W], int64 target [N] or [N, H, W].
sik_status sik_cross_entropy(sik_tensor logits, sik_tensor target, sik_tensor weight, int32_t reduction,
                             int64_t ignore_index, double label_smoothing, sik_tensor *out);
/// `F.binary_cross_entropy_with_logits`.
sik_status sik_bce_with_logits(sik_tensor logits, sik_tensor target, sik_tensor weight, sik_tensor pos_weight,
                               int32_t reduction, sik_tensor *out);

#ifdef __cplusplus
}
#endif

#endif
