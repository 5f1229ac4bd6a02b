// mdsc certificate verify --file cert.json [--keys jwks.json]: checks a certificate file's
// signature offline. Exit 0 valid, 1 not valid (changed, or another key), 2 not a certificate file.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "modules/certificates.h"

namespace mdsc::cli {
namespace {

struct VerifyOpts {
  std::string file, keys;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int run_verify(const VerifyOpts& o) {
  const std::string text = read_file(o.file);
  nlohmann::json key_set;
  if (!o.keys.empty()) {
    key_set = nlohmann::json::parse(read_file(o.keys), nullptr, false);
    if (key_set.is_discarded() || !key_set.is_object()) throw UsageError(o.keys + ": not a JWK set (JSON)");
  }
  const auto check = certificates::check_file(text, o.keys.empty() ? nullptr : &key_set);
  using Outcome = certificates::FileCheck::Outcome;
  if (check.outcome == Outcome::malformed) throw UsageError(o.file + ": " + check.problem);
  if (check.outcome == Outcome::invalid) {
    std::cout << "NOT VALID: " << check.number << ": " << check.problem << "\n";
    return 1;
  }
  std::cout << "valid signature: " << check.number << " " << check.name << ", issued " << check.issued_on << ", key "
            << check.key_id << "\n";
  if (o.keys.empty())
    std::cout << "note: checked with the key in the file; pass --keys with the issuer's published key set "
                 "(/.well-known/jwks.json) to check who signed it. Revocation: see the verify_url.\n";
  return 0;
}

}  // namespace

Runner add_certificate(CLI::App& app, Common&) {
  auto* cmd = app.add_subcommand("certificate", "Completion certificates");
  cmd->require_subcommand(1);
  auto o = std::make_shared<VerifyOpts>();
  auto* verify = cmd->add_subcommand("verify", "Check a certificate file's signature offline (exit 1: not valid)");
  verify->add_option("--file", o->file, "The certificate file (.json), as downloaded")->required();
  verify->add_option("--keys", o->keys, "The issuer's key set (JWK set JSON) to check the signer against");
  return [verify, o]() -> int { return verify->parsed() ? run_verify(*o) : 2; };
}

}  // namespace mdsc::cli
