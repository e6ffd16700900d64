// Runtime facts: version, threads, CUDA discovery, error plumbing.
#include "sik_torch.h"
#include "sik_internal.hpp"

#include <torch/torch.h>
#include <dlfcn.h>
#include <mutex>
#include <string>

namespace sik {
thread_local std::string last_error;

void set_error(const char *what) { last_error = what ? what : "unknown C++ exception"; }
}  // namespace sik

extern "C" const char *sik_last_error(void) { return sik::last_error.c_str(); }

extern "C" const char *sik_torch_version(void) {
#ifdef TORCH_VERSION
    return TORCH_VERSION;
#else
    static const std::string v = std::to_string(TORCH_VERSION_MAJOR) + "." +
                                 std::to_string(TORCH_VERSION_MINOR) + "." +
                                 std::to_string(TORCH_VERSION_PATCH);
    return v.c_str();
#endif
}

namespace {
/// Loads libtorch_cuda.so (registering CUDA kernels) when the wheel ships it; CPU wheels do not.
void load_cuda_once() {
    static std::once_flag flag;
    std::call_once(flag, [] {
        Dl_info info;
        if (dladdr(reinterpret_cast<void *>(&at::get_num_threads), &info) == 0 || info.dli_fname == nullptr) return;
        std::string path(info.dli_fname);
        auto slash = path.rfind('/');
        if (slash == std::string::npos) return;
        std::string cuda = path.substr(0, slash + 1) + "libtorch_cuda.so";
        dlopen(cuda.c_str(), RTLD_NOW | RTLD_GLOBAL);  // failure simply means CPU only
    });
}
}  // namespace

extern "C" int32_t sik_cuda_available(void) {
    try {
        load_cuda_once();
        return torch::cuda::is_available() ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" int32_t sik_cuda_device_count(void) {
    try {
        load_cuda_once();
        return static_cast<int32_t>(torch::cuda::device_count());
    } catch (...) {
        return 0;
    }
}

extern "C" sik_status sik_set_num_threads(int32_t threads) {
    SIK_TRY({
        TORCH_CHECK(threads > 0, "thread count must be positive, got ", threads);
        at::set_num_threads(threads);
    });
}

extern "C" int32_t sik_get_num_threads(void) { return static_cast<int32_t>(at::get_num_threads()); }
