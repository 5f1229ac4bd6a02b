#pragma once
// The recordings' files: <data_dir>/recordings/<storage_key>, the key random (never the uploaded
// name). With several instances, data_dir must be shared storage.
#include <string>

namespace mdsc::videos::storage {

std::string path_of(const std::string& data_dir, const std::string& key);
// SHA-256 (hex) of a file, read in 1 MiB pieces; throws std::runtime_error if it cannot be read.
std::string sha256_of(const std::string& path);
// Moves an uploaded file into the folder under a new key (a rename when both are on one file
// system, else a copy); returns the key. Throws std::runtime_error if it cannot.
std::string keep(const std::string& data_dir, const std::string& uploaded_path, const std::string& content_type);
// Deletes a kept file; true if it is gone (also when it was gone already).
bool remove(const std::string& data_dir, const std::string& key);

}  // namespace mdsc::videos::storage
