// A caching allocator for CPU tensors (see sik_host_cache_enable in sik_torch.h).
#include "sik_torch.h"
#include "sik_internal.hpp"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace {

/// Keeps freed blocks of ≥ 1 MiB by exact size for reuse; everything else goes to c10's alloc_cpu.
class HostCache final : public c10::Allocator {
public:
    static constexpr size_t minimumCachedBytes = size_t(1) << 20;

    static HostCache &instance() {
        static HostCache cache;
        return cache;
    }

    c10::DataPtr allocate(size_t n) override {
        void *p = nullptr;
        if (n >= minimumCachedBytes) {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = free_.find(n);
            if (it != free_.end() && !it->second.empty()) {
                p = it->second.back();
                it->second.pop_back();
                cached_ -= n;
            }
        }
        if (p == nullptr) p = c10::alloc_cpu(n);
        if (n >= minimumCachedBytes) {
            std::lock_guard<std::mutex> lock(mutex_);
            sizes_[p] = n;
        }
        return {p, p, &release, c10::Device(c10::DeviceType::CPU)};
    }

    c10::DeleterFnPtr raw_deleter() const override { return &release; }

    void copy_data(void *dest, const void *src, std::size_t count) const override {
        if (count > 0) std::memcpy(dest, src, count);
    }

    void setLimit(int64_t bytes) {
        std::lock_guard<std::mutex> lock(mutex_);
        limit_ = bytes < 0 ? 0 : static_cast<size_t>(bytes);
    }

    void releaseAll() {
        std::vector<void *> blocks;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (auto &entry : free_) blocks.insert(blocks.end(), entry.second.begin(), entry.second.end());
            free_.clear();
            cached_ = 0;
        }
        for (void *p : blocks) c10::free_cpu(p);
    }

    int64_t cachedBytes() {
        std::lock_guard<std::mutex> lock(mutex_);
        return static_cast<int64_t>(cached_);
    }

private:
    static void release(void *p) {
        if (p == nullptr) return;
        HostCache &c = instance();
        {
            std::lock_guard<std::mutex> lock(c.mutex_);
            auto it = c.sizes_.find(p);
            if (it != c.sizes_.end()) {
                const size_t n = it->second;
                c.sizes_.erase(it);
                if (c.cached_ + n <= c.limit_) {
                    c.free_[n].push_back(p);
                    c.cached_ += n;
                    return;
                }
            }
        }
        c10::free_cpu(p);
    }

    std::mutex mutex_;
    std::unordered_map<size_t, std::vector<void *>> free_;  // size → free blocks
    std::unordered_map<void *, size_t> sizes_;               // live cached-size blocks
    size_t cached_ = 0;
    size_t limit_ = 0;
};

std::once_flag installed;

}  // namespace

extern "C" sik_status sik_host_cache_enable(int64_t limit_bytes) {
    SIK_TRY({
        HostCache::instance().setLimit(limit_bytes);
        // Only tensor storage: glibc's own switches (M_MMAP_MAX 0, no trimming) were measured
        // slower here, because the training runs on a thread whose malloc arena cannot grow past
        // 64 MiB without mmap (BENCHMARKS.md).
        std::call_once(installed, [] { c10::SetCPUAllocator(&HostCache::instance(), /*priority=*/100); });
    });
}

extern "C" void sik_host_cache_release(void) { HostCache::instance().releaseAll(); }

extern "C" int64_t sik_host_cache_bytes(void) { return HostCache::instance().cachedBytes(); }
