#include "http/file_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace mdsc::http {

FileLookup FileCache::lookup(const std::string& path) {
  auto stamp_of = [](const struct stat& st) {
    return Stamp{static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_ino),
                 static_cast<std::uint64_t>(st.st_dev),
                 static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  };
  auto last_error = [] { return std::error_code(errno, std::generic_category()); };

  FileLookup result;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    result.error = last_error();
    return result;
  }
  if (!S_ISREG(st.st_mode)) {
    result.error = std::make_error_code(std::errc::is_a_directory);
    return result;
  }
  result.size = static_cast<std::uint64_t>(st.st_size);
  if (result.size > max_file_size_) return result;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(path);
    if (it != entries_.end() && it->second.stamp == stamp_of(st)) {
      result.content = it->second.content;
      return result;
    }
  }

  // Read outside the lock. The stamp comes from the open file, so content and stamp agree even
  // if the path is replaced meanwhile.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = last_error();
    return result;
  }
  struct stat opened {};
  if (::fstat(fd, &opened) != 0) {
    result.error = last_error();
    ::close(fd);
    return result;
  }
  result.size = static_cast<std::uint64_t>(opened.st_size);
  if (!S_ISREG(opened.st_mode) || result.size > max_file_size_) {  // changed since stat()
    ::close(fd);
    if (!S_ISREG(opened.st_mode)) result.error = std::make_error_code(std::errc::is_a_directory);
    return result;
  }
  auto content = std::make_shared<std::string>(static_cast<std::size_t>(result.size), '\0');
  std::size_t done = 0;
  while (done < content->size()) {
    ssize_t n = ::read(fd, content->data() + done, content->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (done != content->size()) {  // shrank while we read; the next request reads it again
    result.error = std::make_error_code(std::errc::io_error);
    return result;
  }

  result.content = content;
  std::lock_guard lock(mutex_);
  auto [it, inserted] = entries_.try_emplace(path);
  if (!inserted) total_size_ -= it->second.content->size();
  // Crude but bounded: when small files outgrow the budget, start over.
  if (total_size_ + content->size() > max_total_size_) {
    entries_.clear();
    total_size_ = 0;
    it = entries_.try_emplace(path).first;
  }
  it->second = Entry{stamp_of(opened), std::move(content)};
  total_size_ += it->second.content->size();
  return result;
}

}  // namespace mdsc::http
