/// C interface over libtorch for SeaIceKit.
///
/// Every symbol carries the `sik_` prefix. Native objects are opaque handles that the caller
/// frees with the matching `*_free` function. Every function that can fail returns a status
/// (0 = success); on failure the message of the C++ exception that was caught is available
/// from `sik_last_error()` (thread-local, valid until the next failing call on that thread).
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

#ifdef __cplusplus
}
#endif

#endif
