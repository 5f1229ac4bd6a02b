#pragma once
// Small response files kept in memory, revalidated with one stat() per request. Serving a
// static asset from disk costs open, fadvise, fstat, read and close on every request; with
// the cache it costs one stat, which is what makes static files cheap.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <unordered_map>

namespace mdsc::http {

struct FileLookup {
  std::shared_ptr<const std::string> content;  // set for cached (small) files
  std::uint64_t size = 0;                      // the file's size, cached or not
  std::error_code error;                       // set when the file cannot be served
};

class FileCache {
 public:
  explicit FileCache(std::size_t max_file_size = 64 * 1024,
                     std::size_t max_total_size = 32 * 1024 * 1024)
      : max_file_size_(max_file_size), max_total_size_(max_total_size) {}

  // A regular file no larger than max_file_size comes back with its content; a larger one with
  // only its size (stream it from disk); anything else with an error (ENOENT, EISDIR, EACCES...).
  // Thread-safe. A file changed on disk (size, mtime, inode) is read again.
  FileLookup lookup(const std::string& path);

 private:
  struct Stamp {
    std::uint64_t size = 0, inode = 0, device = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const Stamp&) const = default;
  };
  struct Entry {
    Stamp stamp;
    std::shared_ptr<const std::string> content;
  };

  const std::size_t max_file_size_;
  const std::size_t max_total_size_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t total_size_ = 0;
};

}  // namespace mdsc::http
