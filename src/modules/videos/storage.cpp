#include "modules/videos/storage.h"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "core/crypto.h"

namespace mdsc::videos::storage {

namespace fs = std::filesystem;

std::string path_of(const std::string& data_dir, const std::string& key) { return data_dir + "/recordings/" + key; }

std::string sha256_of(const std::string& path) {
  crypto::init();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the uploaded recording");
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = in.gcount();
    if (n > 0)
      crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()),
                                static_cast<unsigned long long>(n));
  }
  if (in.bad()) throw std::runtime_error("cannot read the uploaded recording");
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, h);
  std::string hex(2 * sizeof h, '0');
  for (std::size_t i = 0; i < sizeof h; ++i) {
    hex[2 * i] = "0123456789abcdef"[h[i] >> 4];
    hex[2 * i + 1] = "0123456789abcdef"[h[i] & 15];
  }
  return hex;
}

std::string keep(const std::string& data_dir, const std::string& uploaded_path, const std::string& content_type) {
  const std::string key = crypto::random_token(18) + (content_type == "video/webm" ? ".webm" : ".mp4");
  const fs::path to = path_of(data_dir, key);
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  fs::rename(uploaded_path, to, ec);
  if (ec) {  // another file system: copy, then drop the upload
    ec.clear();
    fs::copy_file(uploaded_path, to, ec);
    if (ec) {
      fs::remove(to, ec);
      throw std::runtime_error("cannot keep the uploaded recording: " + ec.message());
    }
    fs::remove(uploaded_path, ec);
  }
  return key;
}

bool remove(const std::string& data_dir, const std::string& key) {
  std::error_code ec;
  fs::remove(path_of(data_dir, key), ec);
  return !ec;
}

}  // namespace mdsc::videos::storage
